package dev.glasshouse.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.quorum.Role;
import org.junit.jupiter.api.Test;

/** Whom a member serves after a step, from its replica's role and readiness. */
class ClientServiceTest {
    @Test
    void aServingReplicaServesClientsUnlessItsLogFailed() {
        assertThat(ClientService.of(Role.FOLLOWING, true, false, true))
                .isEqualTo(new ClientService(Role.FOLLOWING, true, false));
        assertThat(ClientService.of(Role.LEADING, true, true, true).servesClients()).isFalse();
    }

    @Test
    void aLookingMemberServesReadOnlyClientsOnlyWhenAllowed() {
        assertThat(ClientService.of(Role.LOOKING, false, false, true))
                .isEqualTo(new ClientService(Role.LOOKING, false, true));
        assertThat(ClientService.of(Role.LOOKING, false, false, false).servesClients()).isFalse();
        assertThat(ClientService.of(Role.FOLLOWING, false, false, true).servesClients())
                .as("a follower still synchronizing").isFalse();
        assertThat(ClientService.of(Role.LOOKING, false, true, true).servesClients()).as("failed").isFalse();
    }

    @Test
    void stoppingKeepsTheRoleAndServesNobody() {
        assertThat(new ClientService(Role.LEADING, true, false).stopped())
                .isEqualTo(new ClientService(Role.LEADING, false, false));
    }
}
