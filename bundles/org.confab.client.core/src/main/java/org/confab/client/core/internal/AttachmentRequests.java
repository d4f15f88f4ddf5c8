package org.confab.client.core.internal;

import org.confab.client.core.AttachmentInfo;
import org.confab.protocol.Frame;
import org.confab.protocol.messages.AttachmentMessages;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The attachment requests that carry no bytes. */
final class AttachmentRequests {
    private AttachmentRequests() {
    }

    static AttachmentInfo info(AttachmentChannel channel, String id) throws Exception {
        Frame ok = Transfers.await(channel.request(AttachmentMessages.INFO,
                JsonNodeFactory.instance.objectNode().put("id", Transfers.requireId(id)), null));
        return new AttachmentInfo(Transfers.textField(ok, "id"), ok.body().path("name").asText(""),
                Transfers.longField(ok, "size"), Transfers.textField(ok, "sha256"), ok.body().path("mediaType").textValue(),
                ok.body().path("owner").asText(""), Transfers.longField(ok, "offset"),
                ok.body().path("complete").asBoolean(false), ok.body().path("created").textValue());
    }
}
