// Starts `migsafe lsp` for SQL files and for Rails, Alembic, Django, knex and node-pg-migrate
// migrations; the server decides which files are migrations and reads the project's migsafe.toml.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("migsafe").get("path", "migsafe");
  client = new LanguageClient(
    "migsafe",
    "migsafe",
    { command, args: ["lsp"], transport: TransportKind.stdio },
    {
      documentSelector: [
        { scheme: "file", language: "sql" },
        { scheme: "file", language: "ruby", pattern: "**/db/migrate/*.rb" },
        { scheme: "file", language: "python", pattern: "**/{versions,migrations}/*.py" },
        { scheme: "file", language: "javascript", pattern: "**/migrations/*.js" },
        { scheme: "file", language: "typescript", pattern: "**/migrations/*.ts" },
      ],
    }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
