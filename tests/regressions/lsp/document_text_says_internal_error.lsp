Content-Length: 107

{"jsonrpc":"2.0","id":1,"method":"initialize","paramw":{"processId":null,"rootUri":null,"capabilities":{}}}Content-Length: 52

{"jsonrpc":"2.0","method":"initialized","params":{}}Content-Length: 847

{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///fuzz/main.ecl","languageId":"ecl","version":1,"text":"stack demo {\n  region = \"us-east-1\"\n}\n\nvpc main {\n  cidr = \"10.0.0.0/16\"\n\n  subnet private_a {\n    cidr = \"10.1.10.0/24\"\n    zone = \"us-east-1a\"\n  }\n  subnet private_b {\n    cidr = \"10.0.11.0/24\"\n    zone = \"us-east-1b\"\n  }\n\n  security_group api {\n    description = \"API tasks\"\n  }\n}\n\ntask api {\n  cpu    = 256\n  memory = 512MiB\n  container app {\n    image = \"ngiinternal error: ort  = 8080\n  }\n}\n\ncluster prod {\n  service api {\n    task            = api\n    desired         = 2\n    subnets         = [main.private_a, main.private_b]\n    security_groups = [main.api]\n    launch_type     = fargate\n  }\n}\n\noutput first_cidr = main.private_a.cidr\n"}}}Content-Length: 148

{"jsonrpc":"2.0","id":/2,"method":"textDocumeît/hover","params":{"textDocument":{"uri":"file:///fuzz/main.ecl"},"position":{"line":0,"character":4}}}Content-Length: 153

{"jsonrpc":"2.0","id":3,"method":"textDocument/definition","params":{"textDocument":{"uri":"file:///fuzz/main.ecl"},"position":{"line":0,"character":4}}}Content-Length: 153

{"jsonrpc":"2.0","id":4,"method":"textDocument/completion","params":{"textDocument":{"uri":"file:///fuzz/main.ecl"},"position":{"line":0,"character":4}}}Content-Length: 191

{"jsonrpc":"2.0","id":5,"method":"textDocument/referenument/hover","params":{"textDocument":{"uri":"file:///fuzz/main.ecl"},"position":{"line":20,"character":0}}}Content-Length: 155

{"jsonrpc":"2.0","id":11,"method":"textDocument/definition","params":{"textDocument":{"uri":"file:///fuzz/main.ecl"},"position":{"line":20,"character":0}}}Content-Length: 155

{"jsonrpc":"2.0","id":12,"method":"textDocument/completion","params":{"textDocument":{"uri":"file:///fuzz/main.ecl"},"position":{"line":20,"character":0}}}Content-Length: 193

{"jsonrpc":"2.0","id":13,"method":"textDocument/references","params":{"textDocument":{"uri":"file:///fuzz/main.ecl"},"position":{"line":20,"character":0},"context":{"includeDeclaration":true}}}Content-Length: 150

{"jsonrpc":"2.0","id":14,"method":"textDocument/hover","params":{"textDocument 237

{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///fuzz/main.ecl","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"text":"let x = 1\n"}]}}Content-Length: 108

{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"file:///fuzz/main.ecl"}}}Content-Length: 45

{"jsonrpc":"2.0","id":24,"method":"shutdown"}Content-Length: 33

{"jsonrpc":"2.0","method":"exit"}