package io.kycflow.common.topic;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** kycflow's topics need a majority of their replicas in sync to accept a write. */
class MinInSyncReplicasTest {

    @Test
    void aMajorityOfTheReplicas() {
        assertEquals(1, TopicProvisioner.minInSyncReplicas((short) 1));
        assertEquals(2, TopicProvisioner.minInSyncReplicas((short) 2));
        assertEquals(2, TopicProvisioner.minInSyncReplicas((short) 3));
        assertEquals(3, TopicProvisioner.minInSyncReplicas((short) 4));
        assertEquals(3, TopicProvisioner.minInSyncReplicas((short) 5));
    }
}
