// Starts `eclc lsp` for .ecl files: everything else (diagnostics, hover, completion, navigation,
// rename, formatting) comes from the server.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('ecl').get('server.path') || 'eclc';
  const server = { command, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient('ecl', 'ECL (eclc lsp)', { run: server, debug: server }, {
    documentSelector: [{ scheme: 'file', language: 'ecl' }, { scheme: 'untitled', language: 'ecl' }],
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
