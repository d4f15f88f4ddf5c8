package org.confab.server.plugins.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.PluginMessages;
import org.confab.protocol.messages.PluginMessages.OfferedRepository;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code plugin.repository}: tells any logged-in user which p2 repository the server's operator offers
 * for client plugins. The address comes from the operator's configuration only, never from a user, so
 * a client may show it as "offered by the server" (and still asks before adding it). A configured
 * address that is not a plain {@code http(s)} or {@code file:} URL is refused at start and nothing is
 * offered.
 */
@Component(configurationPid = PluginRepositoryHandler.PID, property = MessageHandler.TYPES + "=" + PluginMessages.REPOSITORY)
@Designate(ocd = PluginRepositoryConfig.class)
public class PluginRepositoryHandler implements MessageHandler {
    static final String PID = "org.confab.server.plugins.repository";
    private static final Logger LOG = LoggerFactory.getLogger(PluginRepositoryHandler.class);
    private static final FrameCodec CODEC = new FrameCodec();

    private final OfferedRepository offered;

    @Activate
    public PluginRepositoryHandler(PluginRepositoryConfig config) {
        String repository = config.repository().strip();
        String valid = offerable(repository) ? repository : "";
        if (!repository.isEmpty() && valid.isEmpty()) {
            LOG.error("not offering the plugin repository '{}': it must be an http(s) URL without user name or password,"
                    + " or a file: URL, of at most {} characters", repository, PluginMessages.MAX_REPOSITORY);
        }
        this.offered = new OfferedRepository(valid);
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        session.send(CODEC.frame(MessageTypes.ok(frame.type()), frame.rid(), offered));
    }

    /** Only what a client can load and a person can read: a web URL with a host and no credentials, or a file: URL. */
    static boolean offerable(String repository) {
        if (repository.isEmpty() || repository.length() > PluginMessages.MAX_REPOSITORY
                || repository.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return false;
        }
        try {
            URI uri = new URI(repository);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return switch (scheme) {
            case "http", "https" -> uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawFragment() == null;
            case "file" -> uri.getPath() != null && uri.getPath().startsWith("/") && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
            default -> false;
            };
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
