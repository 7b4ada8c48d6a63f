-- Denk Vooruit: only anonymous counts of kits made, per safety region and week. The household
-- make-up, postcode and personal plan are never stored.
create table household_kit_count (
    region_code text    not null check (region_code ~ '^VR[0-9]{2}$'),
    week_start  date    not null check (extract(isodow from week_start) = 1),
    kits        bigint  not null check (kits > 0),
    primary key (region_code, week_start)
);
