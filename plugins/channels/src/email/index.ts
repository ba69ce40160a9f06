/**
 * The e-mail medium, independent of Strapi: settings, the mailbox watcher, the parser, classifier, bounce
 * reader and threader for what comes in, the composer and the SMTP sender for what goes out. The channels
 * plugin wires these to its tables, the intake service and the delivery engine.
 */
export * from './config';
export * from './parse';
export * from './classify';
export * from './bounce';
export * from './thread';
export * from './compose';
export * from './smtp';
export * from './imap';
export { htmlToText } from './html';
export { stripQuotedHistory } from './reply';
export type { HeaderMap } from './headers';
