-- AB-Lotse on PostgreSQL: every record is a jsonb document with its key columns and its version.
-- A new collection needs no migration (a new `collection` value); a new query gets an index here.

CREATE TABLE records (
  collection text NOT NULL,
  id text NOT NULL,
  -- the Kundennummer of records about one customer (reads by customer, erasure)
  kdnr text,
  -- an invariant's key (src/store/invariants.ts): unique within its collection
  guard text,
  version integer NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (collection, id)
);
CREATE INDEX records_by_kdnr ON records (collection, kdnr) WHERE kdnr IS NOT NULL;
-- seed 000 §2 and §3: one open flag per customer and week, one Meldeversäumnis per customer and day
CREATE UNIQUE INDEX records_guard ON records (collection, guard) WHERE guard IS NOT NULL;
CREATE INDEX customers_by_hb ON records ((doc ->> 'hbId')) WHERE collection = 'customers';
CREATE INDEX open_tasks_by_assignee ON records USING gin ((doc -> 'assigneeIds')) WHERE collection = 'tasks' AND doc ->> 'status' = 'offen';

-- The outbox: a notification's idempotency key is unique, so the same cause never queues twice, in any instance.
CREATE TABLE notifications (
  id text PRIMARY KEY,
  key text NOT NULL UNIQUE,
  -- insertion order breaks ties of equal creation times, as in the embedded store
  seq bigserial NOT NULL,
  -- ISO instants compare as text in byte order
  created_at text COLLATE "C" NOT NULL,
  task_id text,
  staff_id text,
  doc jsonb NOT NULL
);
CREATE INDEX notifications_by_task ON notifications (task_id) WHERE task_id IS NOT NULL;
CREATE INDEX notifications_by_staff ON notifications (staff_id) WHERE staff_id IS NOT NULL;
CREATE INDEX notifications_by_created ON notifications (created_at, seq);

-- Delivery states apart from the notifications (their churn never rewrites a case); no row = never attempted.
CREATE TABLE deliveries (
  id text PRIMARY KEY,
  status text NOT NULL,
  next_attempt_at text COLLATE "C" NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX deliveries_by_status ON deliveries (status);
