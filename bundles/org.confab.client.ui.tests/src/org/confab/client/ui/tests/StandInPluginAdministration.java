package org.confab.client.ui.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.PluginMessages;
import org.confab.protocol.messages.PluginMessages.Change;
import org.confab.protocol.messages.PluginMessages.Install;
import org.confab.protocol.messages.PluginMessages.Plugin;
import org.confab.protocol.messages.PluginMessages.Plugins;
import org.confab.protocol.messages.PluginMessages.Uninstall;
import org.confab.protocol.messages.PluginMessages.Update;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.osgi.framework.BundleContext;

/**
 * Stands in for the server's plugin management ({@code org.confab.server.plugins}), which this test
 * framework does not contain: that needs p2 and an installation profile, which only the materialized
 * server product has (releng/e2e-tests' PluginsAgainstServerProductTest drives the real one). Registered
 * as a {@link MessageHandler} in the real server's router, it answers the same four requests with the
 * wire records and error codes of docs/protocol.md section 20, checking the administrator like the real
 * one, but keeps its plugins in memory instead of changing the installation. So the Server Plugins view
 * is tested over the real socket up to the server's door, not p2 behind it.
 */
final class StandInPluginAdministration implements MessageHandler, AutoCloseable {
    private static final FrameCodec CODEC = new FrameCodec();

    private final AdminService admin;
    private final Map<String, Plugin> installed = new ConcurrentSkipListMap<>();
    /** The requests answered, by type and feature, so a test can tell what the view sent. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final StandInHandlers.Registration registration;

    StandInPluginAdministration(BundleContext context, AdminService admin, List<Plugin> plugins) {
        this.admin = admin;
        plugins.forEach(plugin -> installed.put(plugin.feature(), plugin));
        registration = StandInHandlers.register(context, this, PluginMessages.PLUGINS, PluginMessages.INSTALL,
                PluginMessages.UPDATE, PluginMessages.UNINSTALL);
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        admin.authorize(AdminActor.of(session));
        Object answer = switch (frame.type()) {
        case PluginMessages.INSTALL -> {
            Install install = CODEC.read(frame, Install.class);
            requests.add("install " + install.repository() + " " + install.feature());
            if (installed.containsKey(install.feature())) {
                throw new ProtocolException(ErrorCode.CONFLICT, "feature " + install.feature() + " is installed already");
            }
            Plugin plugin = new Plugin(install.feature(), "1.0.0.202612041200", "Confab Dice (server)", "Confab examples", false);
            installed.put(plugin.feature(), plugin);
            yield new Change(plugin, List.of("unsigned content installed: org.confab.examples.dice.server_1.0.0.jar"));
        }
        case PluginMessages.UPDATE -> {
            Update update = CODEC.read(frame, Update.class);
            requests.add("update " + update.repository() + " " + update.feature());
            yield new Change(existing(update.feature()), List.of("the repository has nothing newer"));
        }
        case PluginMessages.UNINSTALL -> {
            String feature = CODEC.read(frame, Uninstall.class).feature();
            requests.add("uninstall " + feature);
            Plugin removed = existing(feature);
            if (removed.builtIn()) {
                throw new ProtocolException(ErrorCode.CONFLICT, "feature " + feature + " is built in");
            }
            installed.remove(feature);
            yield new Change(removed, List.of());
        }
        default -> new Plugins(new ArrayList<>(installed.values()));
        };
        session.send(CODEC.frame(MessageTypes.ok(frame.type()), frame.rid(), answer));
    }

    /** Removes a plugin as another administrator would, without the view knowing. */
    void forget(String feature) {
        installed.remove(feature);
    }

    private Plugin existing(String feature) throws ProtocolException {
        Plugin plugin = installed.get(feature);
        if (plugin == null) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "no plugin " + feature + " is installed");
        }
        return plugin;
    }

    @Override
    public void close() {
        registration.close();
    }
}
