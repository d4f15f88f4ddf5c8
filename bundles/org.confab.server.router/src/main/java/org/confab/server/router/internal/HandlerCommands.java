package org.confab.server.router.internal;

import java.util.List;
import java.util.Map;

import org.confab.server.router.internal.RouteTable.Claim;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Console command {@code confab:handlers}: every message type, the handler that owns it, its rate
 * class and capability, and the handlers waiting for it (claims refused because the type was taken).
 */
@Component(service = HandlerCommands.class, property = { "osgi.command.scope=confab",
        "osgi.command.function=handlers" })
public class HandlerCommands {

    private final Router router;

    @Activate
    public HandlerCommands(@Reference Router router) {
        this.router = router;
    }

    public String handlers() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<Claim>> entry : router.routes().entrySet()) {
            Claim owner = entry.getValue().get(0);
            out.append(entry.getKey()).append("  ").append(owner.name()).append("  rate=")
                    .append(owner.rateClass().propertyValue());
            owner.capability().ifPresent(name -> out.append("  capability=").append(name).append(' ').append(owner.version()));
            if (!owner.requiresLogin()) {
                out.append("  before-login");
            }
            out.append(System.lineSeparator());
            for (Claim standby : entry.getValue().subList(1, entry.getValue().size())) {
                out.append("    waiting: ").append(standby.name()).append(System.lineSeparator());
            }
        }
        return out.toString();
    }
}
