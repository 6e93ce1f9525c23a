-- A sender that takes the lease seeds its rate limiter from the connector calls of the last hour (Store.recentSends).
CREATE INDEX deliveries_by_call ON deliveries (((doc ->> 'calledAt') COLLATE "C")) WHERE doc ? 'conversationId';
