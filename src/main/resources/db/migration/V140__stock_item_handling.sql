-- Weight and volume of one unit of each item, as it travels (packaging included), so that
-- routes can load vehicles by kilograms and litres. Starting figures for the catalogue, rounded,
-- from common pack sizes; admins refine them. A new item counts as 1 kg and 1 litre until set.
--   drinking water: 1.5 l PET bottles in shrink-wrapped packs: 1.05 kg and 1.15 l of load per litre
--   emergency ration (2,100 kcal bar pack, ~500 g): 0.5 kg, 0.6 l
--   blanket (wool blend, folded): 1.5 kg, 8 l; hygiene kit (toiletry bag): 1.5 kg, 5 l
--   diesel in 20 l jerrycans: 0.9 kg and 1.25 l per litre; generator 5 kVA: 90 kg, 250 l
alter table stock_item
    add column unit_weight_kg     numeric(10, 3) not null default 1 check (unit_weight_kg > 0),
    add column unit_volume_litres numeric(10, 3) not null default 1 check (unit_volume_litres > 0);

update stock_item set unit_weight_kg = v.kg, unit_volume_litres = v.litres
from (values ('drinking-water', 1.05, 1.15),
             ('water-all-uses', 1.02, 1.10),
             ('emergency-ration', 0.5, 0.6),
             ('infant-formula', 1.0, 2.0),
             ('first-aid-kit', 0.5, 2.0),
             ('medication-kit', 0.3, 1.0),
             ('insulin-cool-box', 3.0, 20.0),
             ('diesel', 0.9, 1.25),
             ('generator-5kva', 90.0, 250.0),
             ('power-bank', 0.4, 0.5),
             ('hygiene-kit', 1.5, 5.0),
             ('blanket', 1.5, 8.0),
             ('camp-bed', 9.0, 60.0),
             ('wind-up-radio', 0.5, 1.5),
             ('satellite-phone', 0.5, 1.0)) as v (code, kg, litres)
where stock_item.code = v.code;
