/**
 * The Confab wire protocol: {@link org.confab.protocol.Frame}s, their length-prefixed encoding
 * ({@link org.confab.protocol.FrameReader}, {@link org.confab.protocol.FrameWriter},
 * {@link org.confab.protocol.FrameCodec}), the protocol's limits ({@link org.confab.protocol.Protocol}),
 * its error codes and SCRAM-SHA-256. docs/protocol.md is the normative description. Plain Java on
 * Jackson; used by the server, the client library and third-party clients alike.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.3.0")
package org.confab.protocol;
