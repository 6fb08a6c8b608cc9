-- A temporary shadow database as a copy of a shadow template (ShadowTemplates): what replaying the live schema made.
CREATE DATABASE ${database} TEMPLATE ${template}
