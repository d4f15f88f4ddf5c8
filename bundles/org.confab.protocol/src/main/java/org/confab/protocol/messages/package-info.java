/**
 * The bodies of the core messages as validating records ({@link org.confab.protocol.messages.Messages},
 * {@link org.confab.protocol.messages.AdminMessages}) and the core message type names
 * ({@link org.confab.protocol.messages.MessageTypes}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package org.confab.protocol.messages;
