// The keepalived language server: a flat list of handlers, each handing the request to one file
// of service/. The transport (IPC in VS Code, --stdio elsewhere) is picked from the command line.
import "./processFlags";
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  InitializeResult,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  WorkspaceFoldersChangeEvent,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { WorkspaceIndex } from "./service/workspaceIndex";
import { DiagnosticsPublisher } from "./service/diagnostics";
import { ConfigFilesNotifier } from "./service/configFiles";
import { fetchSettings } from "./service/settings";
import { completion, TRIGGER_CHARACTERS } from "./service/completion";
import { hover } from "./service/hover";
import { CODE_ACTION_KINDS, codeActions } from "./service/codeActions";
import { documentSymbols, workspaceSymbols } from "./service/symbols";
import { foldingRanges } from "./service/folding";
import { selectionRanges } from "./service/selectionRanges";
import { definition } from "./service/definition";
import { references } from "./service/references";
import { prepareRename, rename } from "./service/rename";
import { documentLinks } from "./service/documentLinks";
import { formatDocument, formatRange } from "./service/formatting";
import { pathToUri, uriToPath } from "./service/uris";
import { codeLenses } from "./service/codeLens";
import { topology } from "./service/topology";
import { compare, peerConfig, peers } from "./service/compare";
import { CompareRequest, FileStatusRequest, KeepalivedTestRequest, PeerConfigRequest, PeersRequest, TopologyRequest } from "./protocol";
import { InlayHintRefresher } from "./service/inlayHintRefresh";
import { fileStatus } from "./service/fileStatus";
import { KeepalivedTestRuns } from "./service/keepalivedTest";
import { ImpactFilesRequest, ImpactRequest } from "./protocol";
import { impact, impactFiles } from "./service/impact";
import { cancelStartupWarmUp, warmUpOpened, warmUpUnlessOpened } from "./service/warmUp";
import { version } from "../../package.json";
import { ANSIBLE_INPUTS } from "./core/template/ansible/project";
import { guardWith } from "./service/guard";

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const index = new WorkspaceIndex();
const keepalivedRuns = new KeepalivedTestRuns(() => publisher.schedule());
const publisher = new DiagnosticsPublisher(connection, index, keepalivedRuns);
const configFiles = new ConfigFilesNotifier(connection, index);
const inlayHintRefresher = new InlayHintRefresher(connection, index, (uri) => !!documents.get(uri));
index.onChange = () => (publisher.schedule(), configFiles.schedule(), inlayHintRefresher.schedule());
const guard = guardWith((m) => connection.console.error(m));
index.onProblem = (message, severe) => {
  connection.console.warn(message);
  if (severe) void connection.window.showWarningMessage(message);
};
// The last net under the guards: an exception from a timer or an event is logged, the server lives on.
process.on("uncaughtException", (e) => connection.console.error(`keepalived: uncaught: ${e.stack ?? e}`));

let canPullSettings = false;
let canWatchFiles = false;
let hasFolderEvents = false;

async function reloadSettings(pushed?: unknown): Promise<void> {
  index.applySettings(await fetchSettings(connection, canPullSettings, pushed));
}

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  canPullSettings = !!caps.workspace?.configuration;
  canWatchFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  hasFolderEvents = !!caps.workspace?.workspaceFolders;
  inlayHintRefresher.supported = !!caps.workspace?.inlayHint?.refreshSupport;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  index.setFolders(folders);
  return {
    serverInfo: { name: "keepalived-language-server", version },
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: TRIGGER_CHARACTERS },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentLinkProvider: { resolveProvider: false },
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      codeLensProvider: { resolveProvider: false },
      inlayHintProvider: { resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
  };
});

connection.onInitialized(async () => {
  warmUpUnlessOpened((m) => connection.console.log(m));
  if (canPullSettings) void connection.client.register(DidChangeConfigurationNotification.type, { section: "keepalived" });
  try {
    await reloadSettings();
  } finally {
    publisher.release();
    configFiles.schedule();
  }
  if (canWatchFiles) {
    // Included files may have any name, so every .conf is watched; the index decides what counts.
    const globs = [...new Set([...index.settings.files, "**/*.conf", ...ANSIBLE_INPUTS])];
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern })) });
  }
  if (hasFolderEvents) connection.workspace.onDidChangeWorkspaceFolders(foldersChanged);
});

async function foldersChanged(event: WorkspaceFoldersChangeEvent): Promise<void> {
  const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
  const kept = index.folderList().filter((f) => !removed.has(f));
  index.setFolders([...kept.map(pathToUri), ...event.added.map((f) => f.uri)]);
  await reloadSettings();
}

connection.onDidChangeConfiguration((change) => void reloadSettings(change.settings));
connection.onDidChangeWatchedFiles(guard("watched files", (params) => index.filesChanged(params.changes), undefined));
documents.onDidOpen(
  guard("open", (e) => {
    const file = uriToPath(e.document.uri);
    cancelStartupWarmUp();
    publisher.forget(file);
    index.open(file, e.document.getText());
    warmUpOpened(index, file);
    // The editor's copy finds its line starts now: else the first keystroke did (a loop over the whole text, cold).
    void e.document.lineCount;
  }, undefined),
);
documents.onDidChangeContent(
  guard("edit", (e) => {
    keepalivedRuns.edited(uriToPath(e.document.uri));
    index.edit(uriToPath(e.document.uri), e.document.getText());
  }, undefined),
);
documents.onDidClose(guard("close", (e) => index.close(uriToPath(e.document.uri)), undefined));

connection.onCompletion(guard("completion", (params) => completion(index, params), []));
connection.onHover(guard("hover", (params) => hover(index, params), null));
connection.onCodeAction(guard("codeAction", (params) => codeActions(index, params), []));
connection.onDocumentSymbol(guard("documentSymbol", (params) => documentSymbols(index, params), []));
connection.onWorkspaceSymbol(guard("workspaceSymbol", (params) => workspaceSymbols(index, params), []));
connection.onFoldingRanges(guard("foldingRanges", (params) => foldingRanges(index, params), []));
connection.onSelectionRanges(guard("selectionRanges", (params) => selectionRanges(index, params), []));
connection.onDefinition(guard("definition", (params) => definition(index, params), null));
connection.onReferences(guard("references", (params) => references(index, params), []));
connection.onPrepareRename(guard("prepareRename", (params) => prepareRename(index, params), null));
connection.onRenameRequest(guard("renameRequest", (params) => rename(index, params), null));
connection.onDocumentLinks(guard("documentLinks", (params) => documentLinks(index, params), []));
connection.onDocumentFormatting(guard("documentFormatting", (params) => formatDocument(index, params), []));
connection.onDocumentRangeFormatting(guard("documentRangeFormatting", (params) => formatRange(index, params), []));
connection.onCodeLens(guard("codeLens", (params) => codeLenses(index, params), []));
connection.onRequest(TopologyRequest, guard("topology", (params) => topology(index, params), null));
connection.onRequest(PeersRequest, guard("peers", (params: { uri: string }) => peers(index, params.uri), { peers: [] }));
connection.onRequest(CompareRequest, guard("compare", (params) => compare(index, params), null));
connection.onRequest(PeerConfigRequest, guard("peerConfig", (params) => peerConfig(index, params), null));
connection.languages.inlayHint.on(guard("inlayHint", (params) => inlayHintRefresher.hints(params), []));
connection.onRequest(FileStatusRequest, guard("fileStatus", (params) => fileStatus(index, params), null));
connection.onRequest(KeepalivedTestRequest, guard("keepalivedTest", (params) => keepalivedRuns.run(uriToPath(params.uri), (f, l) => index.text(f)?.split("\n")[l]?.length ?? 0), null));
connection.onRequest(ImpactFilesRequest, guard("impactFiles", () => impactFiles(index), { files: [] }));
connection.onRequest(ImpactRequest, guard("impact", (params) => impact(index, params), null));

documents.listen(connection);
connection.listen();
