// The grammar of ECL: the language spec's "Lexical structure" and "Grammar (informal)", made exact.
//
// This is the only ANTLR input of the repository. The C++ it generates lives in the build tree
// (target `ecl_grammar`), and only compiler/syntax sees it: the Transformer turns the parse tree
// into our own AST (compiler/syntax/ast.h) and the parse tree never leaves the syntax layer.
//
// Shape of the design, and why:
// - Kinds (`vpc`, `subnet`, ...) and type names (`string`, `list`, ...) are plain identifiers:
//   which exist is the schema's business, and the Transformer checks type names.
// - A combined grammar cannot declare lexer modes, so strings are split the way template
//   literals are: `"text"` is one STRING token; `"text${` (STRING_HEAD), `}text${` (STRING_MID)
//   and `}text"` (STRING_TAIL) frame the interpolations. Whether a `}` ends an interpolation or a
//   brace is decided by `closesInterpolation()`, which the lexer subclass in
//   tests/oracle/antlr_lexer.cpp implements with a stack of open braces and interpolations (and
//   compiler/syntax/fast_lexer.cpp, the lexer eclc runs, with the same stack).
// - Escapes stay raw in the tokens; the syntax layer decodes them and reports unknown ones.
// - Characters no rule matches become ERROR_CHAR tokens on channel 2, which the parser never
//   sees; the syntax layer reports them.
// - Expressions avoid deep ANTLR recursion: unary operators are a flat run, the conditional is a
//   flat list the Transformer re-associates to the right, and the binary operators use ANTLR's
//   precedence climbing (a loop for operators of one level). Nesting of brackets, braces,
//   interpolations and `?` is bounded by a token pre-pass before the parser runs.

grammar Ecl;

@lexer::members {
  // True when a `}` at this point ends a string interpolation rather than a brace. The base
  // lexer never sees an interpolation; the subclass in tests/oracle/antlr_lexer.cpp tracks them.
  virtual bool closesInterpolation() { return false; }
}

// ---- Items ----------------------------------------------------------------------------------

program : item* EOF ;

item : paramDecl | letDecl | outputDecl | block ;

// `param env: string = "prod"`
paramDecl : KW_PARAM IDENT COLON typeRef (ASSIGN expr)? ;

// `let zones = ["us-east-1a", "us-east-1b"]`
letDecl : KW_LET IDENT ASSIGN expr ;

// `output cluster_arn = prod.arn`
outputDecl : KW_OUTPUT IDENT ASSIGN expr ;

// `subnet public_a { cidr = "10.0.0.0/24"  zone = zones[0] }`: KIND NAME? { body }
block : IDENT IDENT? LBRACE bodyItem* RBRACE ;

// Its own rule so that recovery from a broken item stays inside the block.
bodyItem : attribute | block ;

// `cidr = "10.0.0.0/16"`
attribute : IDENT ASSIGN expr ;

// `string`, `list<cidr>`, `map<list<int>>`
typeRef : IDENT (LT typeRef GT)? ;

// ---- Expressions ----------------------------------------------------------------------------

// `c ? a : b`, right-associative: `a ? b : c ? d : e` is `a ? b : (c ? d : e)`. Written as a
// flat list so that a long else-chain is a loop, not a recursion.
expr : binary (QUESTION expr COLON binary)* ;

// Binary operators, tightest first.
binary
  : unary                                                     # unaryOperand
  | lhs=binary op=(STAR | SLASH | PERCENT) rhs=binary         # binaryOp
  | lhs=binary op=(PLUS | MINUS) rhs=binary                   # binaryOp
  | lhs=binary op=(LT | LE | GT | GE) rhs=binary              # binaryOp
  | lhs=binary op=(EQ | NE) rhs=binary                        # binaryOp
  | lhs=binary op=AND rhs=binary                              # binaryOp
  | lhs=binary op=OR rhs=binary                               # binaryOp
  ;

// `-x`, `!ready`, `- -x`: a flat run of prefix operators.
unary : (MINUS | NOT)* postfix ;

// `zones[0]`, `main.private_a.id`
postfix : primary postfixOp* ;

postfixOp
  : LBRACKET expr RBRACKET                                    # indexOp
  | DOT IDENT                                                 # memberOp
  ;

// A forgotten `,` between object entries (natural after block bodies, which have none) parses,
// so that the Transformer can report it and carry on; nothing else can follow an entry's value.
primary
  : NUMBER                                                    # numberLit
  | (KW_TRUE | KW_FALSE)                                      # boolLit
  | stringLit                                                 # stringExpr
  | IDENT LPAREN (expr (COMMA expr)* COMMA?)? RPAREN          # callExpr
  | IDENT                                                     # nameExpr
  | LBRACKET (expr (COMMA expr)* COMMA?)? RBRACKET            # listExpr
  | LBRACE (objectEntry (COMMA? objectEntry)* COMMA?)? RBRACE # objectExpr
  | LPAREN expr RPAREN                                        # parenExpr
  ;

// `team = "platform"`, `"Name" = "web"`
objectEntry : (IDENT | stringLit) ASSIGN expr ;

// `"api"`, `"${env}-api"`. An unterminated string (reported by the syntax layer) still parses.
stringLit
  : STRING
  | UNTERMINATED_STRING
  | STRING_HEAD expr (STRING_MID expr)* (STRING_TAIL | UNTERMINATED_TAIL)
  ;

// ---- Tokens ---------------------------------------------------------------------------------

KW_PARAM  : 'param' ;
KW_LET    : 'let' ;
KW_OUTPUT : 'output' ;
KW_TRUE   : 'true' ;
KW_FALSE  : 'false' ;

IDENT : [A-Za-z_] [A-Za-z0-9_]* ;

// A unit glued to the number is part of the token (`512MiB`, `0.25vcpu`, `30s`); the syntax
// layer splits it off and reports units it does not know.
NUMBER : [0-9]+ ('.' [0-9]+)? ([A-Za-z_] [A-Za-z0-9_]*)? ;

// Strings end on the line they start. These come before RBRACE so that, when a `}` closes an
// interpolation, even a lone `}` at the end of a line is a (broken) string piece, not a brace.
STRING              : '"' STRING_BODY '"' ;
STRING_HEAD         : '"' STRING_BODY '${' ;
STRING_MID          : '}' {closesInterpolation()}? STRING_BODY '${' ;
STRING_TAIL         : '}' {closesInterpolation()}? STRING_BODY '"' ;
// No closing quote before the end of the line: the longest match picks the rules above whenever
// the string is complete.
UNTERMINATED_STRING : '"' STRING_BODY '\\'? ;
UNTERMINATED_TAIL   : '}' {closesInterpolation()}? STRING_BODY '\\'? ;

// Raw text of a string: any character but a line break; `\` escapes the next character; a `$`
// is literal unless it starts `${`.
fragment STRING_BODY : ( STRING_CHAR | '$'+ STRING_CHAR_NOT_BRACE )* '$'* ;
fragment STRING_CHAR : ~["\\$\r\n] | '\\' ~[\r\n] ;
fragment STRING_CHAR_NOT_BRACE : ~["\\${\r\n] | '\\' ~[\r\n] ;

LBRACE   : '{' ;
RBRACE   : '}' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
COMMA    : ',' ;
DOT      : '.' ;
COLON    : ':' ;
QUESTION : '?' ;
EQ       : '==' ;
NE       : '!=' ;
LE       : '<=' ;
GE       : '>=' ;
LT       : '<' ;
GT       : '>' ;
AND      : '&&' ;
OR       : '||' ;
ASSIGN   : '=' ;
NOT      : '!' ;
PLUS     : '+' ;
MINUS    : '-' ;
STAR     : '*' ;
SLASH    : '/' ;
PERCENT  : '%' ;

// Comments are kept on the hidden channel for a future formatter.
LINE_COMMENT         : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT        : '/*' ( ~'*' | '*'+ ~[*/] )* '*'+ '/' -> channel(HIDDEN) ;
// Never reaches `*/`, so it only wins when the comment runs to the end of the file.
UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* -> channel(HIDDEN) ;

// Line breaks are tokens (hidden) because a string, and any interpolation in it, ends at one.
NEWLINE : ('\r\n' | '\r' | '\n') -> channel(HIDDEN) ;
// A byte order mark counts as white space.
WS : [ \t\f\uFEFF]+ -> skip ;

// `#` is a comment in many languages but not in ECL: reported as an unexpected `#`, and the rest
// of the line is left alone so that the parser does not trip over it too.
HASH_COMMENT : '#' ~[\r\n]* -> channel(2) ;

// Anything else: one character on channel 2 (kErrorChannel), never seen by the parser.
ERROR_CHAR : . -> channel(2) ;
