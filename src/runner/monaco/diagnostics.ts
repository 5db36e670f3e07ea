// Asks the TypeScript service for the errors in a model right now (the markers Monaco shows are
// debounced), so Run can refuse to run code with a type error and say where it is.
import type { LoadedMonaco } from './loadMonaco';

export interface TypeProblem {
  line: number;
  column: number;
  message: string;
}

type Model = ReturnType<LoadedMonaco['monaco']['editor']['createModel']>;

export async function typeProblems(
  { typescript }: LoadedMonaco,
  model: Model,
): Promise<TypeProblem[]> {
  const getWorker = await registeredWorker(typescript);
  const worker = await getWorker(model.uri);
  const file = model.uri.toString();
  const [syntactic, semantic] = await Promise.all([
    worker.getSyntacticDiagnostics(file),
    worker.getSemanticDiagnostics(file),
  ]);
  return [...syntactic, ...semantic]
    .filter((diagnostic) => diagnostic.category === 1 /* Error */)
    .map((diagnostic) => {
      const position = model.getPositionAt(diagnostic.start ?? 0);
      return {
        line: position.lineNumber,
        column: position.column,
        message: flatten(diagnostic.messageText),
      };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Monaco registers the TypeScript service only after the first TypeScript model appears, a
 * moment after the editor does; until then getTypeScriptWorker() rejects. Wait for it (a while:
 * its worker is large) instead of treating "not yet" as "no errors".
 */
async function registeredWorker(typescript: LoadedMonaco['typescript'], timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await typescript.getTypeScriptWorker();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

type MessageChain = string | { messageText: string; next?: MessageChain[] };

function flatten(message: MessageChain): string {
  if (typeof message === 'string') return message;
  const rest = (message.next ?? []).map(flatten);
  return [message.messageText, ...rest].join(' ');
}
