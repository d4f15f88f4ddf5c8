/**
 * The server's plugin API: what a server plugin may use. Handle messages of its own types
 * ({@link org.confab.server.api.MessageHandler} whiteboard), reach users
 * ({@link org.confab.server.api.UserSessions}, {@link org.confab.server.api.MessageService}), observe
 * sessions and stored messages, read accounts ({@link org.confab.server.api.AccountDirectory}), keep
 * its own files ({@link org.confab.server.api.PluginDataLocation}) and store or read attachments
 * ({@link org.confab.server.api.AttachmentService}). What only core bundles implement is in
 * {@code org.confab.server.spi}. See docs/plugin-guide.md.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.confab.server.api;
