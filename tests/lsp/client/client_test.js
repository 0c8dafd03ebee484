// Drives `eclc lsp` from the real LSP client libraries (vscode-jsonrpc and
// vscode-languageserver-protocol, installed here by scripts/setup with `npm ci`):
// open a document with errors and receive them, fix it and receive an empty list, then ask
// hover, definition, completion and rename and check the answers, apply a quick fix, decode the
// semantic tokens, and apply a quick fix that adds VPC endpoints.
//
// Usage: node tests/lsp/client/client_test.js path/to/eclc
// Fails (exit 1), never skips, when the packages are missing.
'use strict';

const assert = require('node:assert/strict');
const path = require('node:path');
const { spawn } = require('node:child_process');

let rpc, proto;
try {
  rpc = require('vscode-jsonrpc/node');
  proto = require('vscode-languageserver-protocol');
} catch (e) {
  console.error('FAIL: the npm packages are missing; run `npm ci` in tests/lsp/client ' +
                '(scripts/setup does it): ' + e.message);
  process.exit(1);
}

const eclc = process.argv[2];
if (!eclc) {
  console.error('usage: node client_test.js path/to/eclc');
  process.exit(2);
}

// A document alone in a directory that does not exist: a one-file program.
const uri = 'file:///nonexistent-eclc-lsp-client-test/app.ecl';
const broken = [
  'vpc main {',
  '  cidr = "10.0.0.0/16"',
  '  subnet public_a {',
  '    cidr   = "10.1.1.0/24"', // outside the VPC: E3002
  '    zone   = "us-east-1a"',
  '    public = true',
  '  }',
  '  internet_gateway igw {}',
  '  route_table public {',
  '    subnets = [public_a]',
  '    route {',
  '      destination = "0.0.0.0/0"',
  '      target      = igw',
  '    }',
  '  }',
  '  security_group web {',
  '    description = "web"',
  '  }',
  '}',
  '',
  'task web {',
  '  cpu    = 256',
  '  memory = 512MiB',
  '  container app {',
  '    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.0"',
  '    port  = 80',
  '  }',
  '}',
  '',
  'cluster prod {',
  '  service web {',
  '    task            = web',
  '    desired         = 1',
  '    subnets         = [main.public_a]',
  '    security_groups = [main.web]',
  '    launch_type     = fargate',
  '    public_ip       = true',
  '  }',
  '}',
  '',
].join('\n');

async function main() {
  const child = spawn(eclc, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createMessageConnection(
    new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));

  // Diagnostics arrive as notifications; each wait takes the next one for our document.
  const pending = [];
  const queued = [];
  connection.onNotification(proto.PublishDiagnosticsNotification.type, (params) => {
    if (params.uri !== uri) return;
    if (pending.length) pending.shift()(params); else queued.push(params);
  });
  const nextDiagnostics = () => new Promise((resolve, reject) => {
    if (queued.length) return resolve(queued.shift());
    const timer = setTimeout(() => reject(new Error('no diagnostics within 10 s')), 10000);
    pending.push((p) => { clearTimeout(timer); resolve(p); });
  });
  connection.listen();

  const init = await connection.sendRequest(proto.InitializeRequest.type, {
    processId: process.pid, rootUri: null, capabilities: {},
  });
  assert.equal(init.capabilities.hoverProvider, true);
  assert.equal(init.capabilities.textDocumentSync.change, proto.TextDocumentSyncKind.Incremental);
  await connection.sendNotification(proto.InitializedNotification.type, {});

  // 1. Open a document with an error: the error arrives, with its code and UTF-16 range.
  await connection.sendNotification(proto.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'ecl', version: 1, text: broken },
  });
  let diags = await nextDiagnostics();
  assert.equal(diags.diagnostics.length, 1, JSON.stringify(diags.diagnostics));
  const error = diags.diagnostics[0];
  assert.equal(error.code, 'E3002');
  assert.equal(error.severity, proto.DiagnosticSeverity.Error);
  assert.deepEqual(error.range, { start: { line: 3, character: 13 },
                                  end: { line: 3, character: 26 } });
  assert.match(error.message, /lies outside vpc `main`/);
  assert.equal(error.relatedInformation[0].location.range.start.line, 0);

  // 2. Fix it with an incremental change: the list empties.
  await connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 3, character: 17 },
                                end: { line: 3, character: 18 } }, text: '0' }],
  });
  diags = await nextDiagnostics();
  assert.deepEqual(diags.diagnostics, []);

  const doc = { uri };
  // 3. Hover on the reference `main.public_a`: its kind, path and folded CIDR.
  const hover = await connection.sendRequest(proto.HoverRequest.type, {
    textDocument: doc, position: { line: 33, character: 30 },
  });
  assert.match(hover.contents.value, /subnet main\.public_a/);
  assert.match(hover.contents.value, /cidr\s+= "10\.0\.1\.0\/24"/);
  // ... and on an attribute name: its type and documentation from the schema.
  const attrHover = await connection.sendRequest(proto.HoverRequest.type, {
    textDocument: doc, position: { line: 1, character: 3 },
  });
  assert.match(attrHover.contents.value, /cidr: cidr/);
  assert.match(attrHover.contents.value, /The VPC's IPv4 CIDR block/);

  // 4. Definition: the reference leads to `subnet public_a`'s name.
  const def = await connection.sendRequest(proto.DefinitionRequest.type, {
    textDocument: doc, position: { line: 33, character: 30 },
  });
  assert.equal(def.uri, uri);
  assert.deepEqual(def.range, { start: { line: 2, character: 9 }, end: { line: 2, character: 17 } });

  // 5. Completion: the launch types, then a service's unset attributes.
  const launch = await connection.sendRequest(proto.CompletionRequest.type, {
    textDocument: doc, position: { line: 35, character: 22 },
  });
  assert.deepEqual(launch.map((i) => i.label).sort(), ['ec2', 'external', 'fargate']);
  const attrs = await connection.sendRequest(proto.CompletionRequest.type, {
    textDocument: doc, position: { line: 37, character: 0 },
  });
  const labels = attrs.map((i) => i.label);
  assert.ok(labels.includes('placement'), labels.join(' ')); // a nested kind
  assert.ok(labels.includes('capacity'), labels.join(' '));  // an attribute not yet set
  assert.ok(!labels.includes('desired'), labels.join(' '));  // already set

  // 6. Rename the subnet: its declaration and both references change.
  const edit = await connection.sendRequest(proto.RenameRequest.type, {
    textDocument: doc, position: { line: 9, character: 16 }, newName: 'edge_a',
  });
  const edits = edit.changes[uri].map((e) => [e.range.start.line, e.range.start.character]);
  assert.deepEqual(edits, [[2, 9], [9, 15], [33, 28]]);
  assert.ok(edit.changes[uri].every((e) => e.newText === 'edge_a'));
  await assert.rejects(connection.sendRequest(proto.RenameRequest.type, {
    textDocument: doc, position: { line: 9, character: 16 }, newName: 'not valid',
  }), /not a valid name/);

  // 7. A quick fix: a misspelt launch type is E2005 with its fix; applying it clears the error.
  await connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 3 },
    contentChanges: [{ range: { start: { line: 35, character: 28 },
                                end: { line: 35, character: 29 } }, text: '' }],
  });
  diags = await nextDiagnostics();
  assert.deepEqual(diags.diagnostics.map((d) => d.code), ['E2005'], JSON.stringify(diags));
  const actions = await connection.sendRequest(proto.CodeActionRequest.type, {
    textDocument: doc, range: diags.diagnostics[0].range,
    context: { diagnostics: diags.diagnostics, only: [proto.CodeActionKind.QuickFix] },
  });
  assert.equal(actions.length, 1, JSON.stringify(actions));
  const fix = actions[0];
  assert.equal(fix.kind, proto.CodeActionKind.QuickFix);
  assert.equal(fix.title, 'replace with `fargate`');
  assert.equal(fix.diagnostics[0].code, 'E2005');
  const [fixEdit] = fix.edit.changes[uri];
  assert.equal(fixEdit.newText, 'fargate');
  assert.deepEqual(fixEdit.range, diags.diagnostics[0].range);
  await connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 4 }, contentChanges: [{ range: fixEdit.range, text: fixEdit.newText }],
  });
  diags = await nextDiagnostics();
  assert.deepEqual(diags.diagnostics, []);

  // 8. Semantic tokens, decoded with the legend the server announced: kinds, block names and
  // references, attributes, numbers and their units.
  const legend = init.capabilities.semanticTokensProvider.legend;
  const tokens = await connection.sendRequest(proto.SemanticTokensRequest.type, { textDocument: doc });
  const decoded = new Map();
  let line = 0, character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dl, dc, length, type, modifiers] = tokens.data.slice(i, i + 5);
    line += dl;
    character = dl ? dc : character + dc;
    const names = legend.tokenModifiers.filter((_, bit) => modifiers & (1 << bit));
    decoded.set(`${line}:${character}`, [length, legend.tokenTypes[type], ...names].join(' '));
  }
  const at = (l, c) => decoded.get(`${l}:${c}`);
  assert.equal(at(0, 0), '3 type');                 // `vpc`
  assert.equal(at(0, 4), '4 variable declaration'); // `main`
  assert.equal(at(1, 2), '4 property');             // `cidr =`
  assert.equal(at(1, 9), '13 string');
  assert.equal(at(22, 11), '3 number');             // `512` of 512MiB
  assert.equal(at(22, 14), '3 unit');               // `MiB`
  assert.equal(at(33, 23), '4 variable');           // `main` in [main.public_a]
  assert.equal(at(33, 28), '8 variable');           // `public_a`
  assert.equal(at(35, 22), '7 enumMember');         // `fargate`

  // 9. A quick fix that adds blocks: without its public IP, the service in a public subnet can
  // pull its image neither through the internet gateway nor through endpoints (W0004). Of the
  // fixes offered, adding the VPC endpoints inserts them at the end of the VPC; the warning goes.
  await connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 5 },
    contentChanges: [{ range: { start: { line: 36, character: 22 },
                                end: { line: 36, character: 26 } }, text: 'false' }],
  });
  diags = await nextDiagnostics();
  assert.deepEqual(diags.diagnostics.map((d) => d.code), ['W0004'], JSON.stringify(diags));
  const egress = await connection.sendRequest(proto.CodeActionRequest.type, {
    textDocument: doc, range: diags.diagnostics[0].range,
    context: { diagnostics: diags.diagnostics, only: [proto.CodeActionKind.QuickFix] },
  });
  assert.deepEqual(egress.map((a) => a.title),
                   ['set `public_ip = true`', 'add endpoints for `ecr.api`, `ecr.dkr`, `logs`, `s3`']);
  const [endpointsEdit] = egress[1].edit.changes[uri];
  assert.deepEqual(endpointsEdit.range, { start: { line: 18, character: 0 },
                                          end: { line: 18, character: 0 } }); // before the VPC's `}`
  assert.match(endpointsEdit.newText, /^  security_group endpoints \{\n/);
  assert.match(endpointsEdit.newText,
               /\n  endpoint ecr_api \{\n    service {9}= "ecr\.api"\n    subnets {9}= \[public_a\]\n/);
  assert.match(endpointsEdit.newText, /\n  endpoint s3 \{\n.*\n    route_tables = \[public\]\n  \}\n$/);
  await connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 6 },
    contentChanges: [{ range: endpointsEdit.range, text: endpointsEdit.newText }],
  });
  diags = await nextDiagnostics();
  assert.deepEqual(diags.diagnostics, []);

  // 10. Unknown methods are errors, and the server shuts down cleanly.
  await assert.rejects(connection.sendRequest('eclc/nothing', {}), (e) => e.code === -32601);
  await connection.sendRequest(proto.ShutdownRequest.type);
  await connection.sendNotification(proto.ExitNotification.type);
  const status = await new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  assert.equal(status, 0);
  connection.dispose();
  console.log('lsp client test: ok (' + path.basename(eclc) + ')');
}

main().catch((e) => {
  console.error('FAIL:', e && e.stack ? e.stack : e);
  process.exit(1);
});
