/**
 * Base64 between raw bytes and text without Node's Buffer, so the proxy and the mock stay
 * web-standard. One implementation, shared with the browser side of the request model.
 */
export { base64ToBytes, bytesToBase64 } from '../request/bytes.ts';
