-- Built-in roles that predate template syncing were created from the template of their release,
-- so their current permissions stand in for the snapshot they were last synced with. The next
-- sync (server start or `guanxi sync-roles`) then adds everything today's template has that they
-- lack: the wanted upgrade for organizations created before a feature existed. The cost: a
-- permission an admin removed from a built-in role before this release comes back once (it is in
-- the template but not in the snapshot); removals made from now on survive every later sync.
-- Custom roles keep a null snapshot: syncing never touches them.
UPDATE "roles" SET "template_permissions" = "permissions" WHERE "built_in" AND "template_permissions" IS NULL;
