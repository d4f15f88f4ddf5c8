package org.confab.server.persistence.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.confab.server.spi.DatabaseInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Asks the JDBC driver of the {@code confab} unit once which database it talks to. */
@Component(service = DatabaseInfo.class)
public class JpaDatabaseInfo implements DatabaseInfo {

    private final Transactions transactions;
    private volatile String product;

    @Activate
    public JpaDatabaseInfo(@Reference(target = "(osgi.unit.name=confab)") EntityManagerFactory factory) {
        this.transactions = new Transactions(factory);
    }

    @Override
    public String product() {
        String known = product;
        if (known == null) {
            known = transactions.inTransaction("read the database version", em -> {
                try {
                    DatabaseMetaData metaData = em.unwrap(Connection.class).getMetaData();
                    return metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion();
                } catch (SQLException e) {
                    throw new PersistenceException(e);
                }
            });
            product = known;
        }
        return known;
    }
}
