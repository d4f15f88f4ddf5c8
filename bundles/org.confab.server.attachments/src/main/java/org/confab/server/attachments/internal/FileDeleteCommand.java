package org.confab.server.attachments.internal;

import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.confab.protocol.ProtocolException;
import org.confab.server.api.AdminActor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Console command {@code confab:file-delete ID}: deletes a stored file and every share of it, as the
 * console (audited). A {@link Function} rather than a method, because a command name with a hyphen
 * cannot be a Java method name.
 */
@Component(service = Function.class, property = { "osgi.command.scope=confab", "osgi.command.function=file-delete" })
public class FileDeleteCommand implements Function {

    private final FileAdministration files;

    @Activate
    public FileDeleteCommand(@Reference FileAdministration files) {
        this.files = files;
    }

    @Override
    public Object execute(CommandSession session, List<Object> arguments) throws Exception {
        if (arguments.size() != 1) {
            throw new IllegalArgumentException("usage: confab:file-delete ID");
        }
        String id = String.valueOf(arguments.get(0));
        try {
            files.delete(AdminActor.console(), id);
            return "deleted file " + id;
        } catch (ProtocolException e) {
            throw new IllegalStateException(e.code() + ": " + e.getMessage(), e);
        }
    }
}
