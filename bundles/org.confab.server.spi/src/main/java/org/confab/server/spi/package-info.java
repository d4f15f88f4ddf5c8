/**
 * The server's service provider interface: stores, transports and session binding, implemented and
 * used only by the core server bundles. MANIFEST.MF exports it with the mandatory attribute
 * {@code confab.spi=core}, so only a bundle that asks for it by that attribute can import it; plugins
 * use {@code org.confab.server.api}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.6.0")
package org.confab.server.spi;
