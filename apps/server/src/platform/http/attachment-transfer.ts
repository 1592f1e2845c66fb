import { ErrorBody } from '@guanxi/contract';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';

/**
 * The HTTP side of file attachments, shared by every module that takes uploads (follow-ups,
 * expense receipts): the upload body limit and errors, and how a download is sent.
 */

/** What an upload may answer besides a route's usual errors: too large (413), wrong type (415). */
export const attachmentUploadErrors = { 413: ErrorBody, 415: ErrorBody };

/** Downloads are the raw bytes (Fastify sends a Buffer as is). */
export const FileBytes = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

/** `filename*` carries any (e.g. Chinese) name; the plain `filename` is an ASCII fallback. */
const contentDisposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/**
 * Sends a stored file as a download: never sniffed into something the browser would run, never
 * kept in a shared cache.
 */
export const sendAttachment = (reply: FastifyReply, file: { fileName: string; contentType: string; bytes: Buffer }) =>
  reply
    .header('Content-Type', file.contentType)
    .header('Content-Disposition', contentDisposition(file.fileName))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .send(file.bytes);
