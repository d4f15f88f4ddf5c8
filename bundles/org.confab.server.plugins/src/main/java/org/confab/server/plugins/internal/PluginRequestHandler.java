package org.confab.server.plugins.internal;

import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.PluginMessages;
import org.confab.protocol.messages.PluginMessages.Install;
import org.confab.protocol.messages.PluginMessages.Plugins;
import org.confab.protocol.messages.PluginMessages.Uninstall;
import org.confab.protocol.messages.PluginMessages.Update;
import org.confab.server.api.AdminActor;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code admin.plugins}, {@code admin.plugin.install}, {@code .update} and {@code .uninstall}. */
@Component(property = { MessageHandler.RATE_CLASS + "=admin", MessageHandler.TYPES + "=" + PluginMessages.PLUGINS,
        MessageHandler.TYPES + "=" + PluginMessages.INSTALL, MessageHandler.TYPES + "=" + PluginMessages.UPDATE,
        MessageHandler.TYPES + "=" + PluginMessages.UNINSTALL })
public class PluginRequestHandler implements MessageHandler {
    private static final FrameCodec CODEC = new FrameCodec();

    private final PluginAdministration plugins;

    @Activate
    public PluginRequestHandler(@Reference PluginAdministration plugins) {
        this.plugins = plugins;
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        AdminActor actor = AdminActor.of(session);
        plugins.authorize(actor);
        Object answer = switch (frame.type()) {
        case PluginMessages.INSTALL -> {
            Install install = CODEC.read(frame, Install.class);
            yield plugins.install(actor, install.repository(), install.feature());
        }
        case PluginMessages.UPDATE -> {
            Update update = CODEC.read(frame, Update.class);
            yield plugins.update(actor, update.repository(), update.feature());
        }
        case PluginMessages.UNINSTALL -> plugins.uninstall(actor, CODEC.read(frame, Uninstall.class).feature());
        default -> new Plugins(plugins.plugins(actor));
        };
        session.send(CODEC.frame(MessageTypes.ok(frame.type()), frame.rid(), answer));
    }
}
