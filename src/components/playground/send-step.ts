/**
 * What only sending needs, loaded on the first "Send request" (or run) so it is not part of the
 * JavaScript a page loads before the reader interacts: the checks before a send, the
 * confirmation before a real write, the proxy call and the response view.
 */
export { confirmationFor } from '../../lib/playground/confirm.ts';
export {
  postToProxy,
  sendPlaygroundRequest,
  sendProblems,
  sendProblemsText,
} from '../../lib/playground/send.ts';
export { ConfirmDialog } from './confirm-dialog.ts';
export { ResponseView } from './response-view.ts';
