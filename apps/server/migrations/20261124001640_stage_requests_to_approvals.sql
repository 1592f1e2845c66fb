-- Stage-change requests move onto the approvals engine (issue 5). Requests still pending from
-- before get an engine request of their own, keeping the approvers they already had as the
-- current step (one "direct manager" step), and their approvers' open to-dos now point to it.
-- Titles use the organization's stage names (Chinese; the built-in ones when none were saved).
with stage_names(code, name) as (
  values ('prospect', '潜在客户'), ('interested', '意向客户'), ('first_purchase', '初次购买客户'),
         ('repeat', '历史客户 (复购)'), ('lost', '流失客户')
),
legacy as (
  select r.org_id, r.id as stage_request_id, r.customer_id, r.from_stage, r.to_stage, r.reason, r.requested_by,
         r.requested_at, r.approver_ids, c.name as customer_name,
         coalesce(fs.name_zh, fd.name, r.from_stage) as from_name, coalesce(ts.name_zh, td.name, r.to_stage) as to_name,
         gen_random_uuid() as approval_id
    from stage_transition_requests r
    join customers c on c.org_id = r.org_id and c.id = r.customer_id
    left join lifecycle_stages fs on fs.org_id = r.org_id and fs.code = r.from_stage
    left join lifecycle_stages ts on ts.org_id = r.org_id and ts.code = r.to_stage
    left join stage_names fd on fd.code = r.from_stage
    left join stage_names td on td.code = r.to_stage
   where r.status = 'pending'
     and not exists (select 1 from approval_requests a
                      where a.org_id = r.org_id and a.entity_type = 'stage_transition_request' and a.entity_id = r.id)
),
created as (
  insert into approval_requests (org_id, id, flow_id, business_type, entity_type, entity_id, customer_id, title, reason,
                                 summary, steps, current_step, current_approver_ids, status, submitted_by, submitted_at)
  select org_id, approval_id, null, 'stage_transition', 'stage_transition_request', stage_request_id, customer_id,
         left(customer_name || ': ' || from_name || ' → ' || to_name, 200), reason,
         jsonb_build_object('customerName', customer_name, 'from', from_stage, 'to', to_stage),
         jsonb_build_array(jsonb_build_object('name', '直属上级', 'approverKind', 'manager', 'levels', 1, 'mode', 'any',
                                              'resolvedApproverIds', to_jsonb(approver_ids))),
         0, approver_ids, 'pending', requested_by, requested_at
    from legacy
  returning org_id, id, entity_id, title
)
update todos t
   set kind = 'approval', entity = 'approval_request', entity_id = created.id::text,
       dedupe_key = 'approval:' || created.id::text || ':0',
       params = t.params || jsonb_build_object('requestId', created.id, 'title', created.title, 'businessType', 'stage_transition')
  from created
 where t.org_id = created.org_id and t.kind = 'stage_approval' and t.entity = 'stage_transition_request'
   and t.entity_id = created.entity_id::text and t.done_at is null;
