-- A depot's support point must exist: until now support_point_id had no foreign key, and a depot
-- could be linked to a point that was never there. Such dangling links carried no information
-- (no point to find), so they are cleared before the key is added; support points are retired,
-- never deleted, so the key never blocks their life cycle.
update depot set support_point_id = null
where support_point_id is not null
  and not exists (select 1 from support_point p where p.id = depot.support_point_id);

alter table depot add constraint depot_support_point_fk foreign key (support_point_id) references support_point (id);
