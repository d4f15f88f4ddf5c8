package org.confab.server.persistence.internal;

import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManagerFactory;

import org.confab.server.api.AuditEntry;
import org.confab.server.spi.AuditLog;
import org.confab.server.spi.NewAuditEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link AuditLog} on the {@code confab} persistence unit. */
@Component(service = AuditLog.class)
public class JpaAuditLog implements AuditLog {

    private final Transactions transactions;

    @Activate
    public JpaAuditLog(@Reference(target = "(osgi.unit.name=confab)") EntityManagerFactory factory) {
        this.transactions = new Transactions(factory);
    }

    @Override
    public AuditEntry append(NewAuditEntry entry) {
        return transactions.inDurableTransaction("write the audit log", em -> {
            AuditEntity entity = new AuditEntity(entry);
            em.persist(entity);
            em.flush();
            return entity.toEntry();
        });
    }

    @Override
    public List<AuditEntry> newest(Optional<Long> beforeId, int limit) {
        return transactions.inTransaction("read the audit log", em -> em
                .createQuery("SELECT e FROM AuditEntity e WHERE e.id < :before ORDER BY e.id DESC", AuditEntity.class)
                .setParameter("before", beforeId.orElse(Long.MAX_VALUE)).setMaxResults(limit)
                .getResultList().stream().map(AuditEntity::toEntry).toList());
    }
}
