-- Hive grants for the example incident warehouse (see incident_warehouse.py).
-- `role public` holds every user; `group all_employees` is the company-wide directory group.

-- Monitoring data (mci): a reader role that every user belongs to, so every table in the
-- database is readable by everyone through the role chain public -> mci_readers -> DATABASE mci.
CREATE ROLE mci_readers;
GRANT ROLE mci_readers TO ROLE public;
GRANT SELECT ON DATABASE mci TO ROLE mci_readers;

-- The AI-assistant prompts are also granted to everyone directly.
GRANT SELECT ON TABLE mci.assistant_prompts TO ROLE public;

-- HR records granted to the company-wide group.
GRANT SELECT ON TABLE hr.performance_reviews TO GROUP all_employees;
GRANT SELECT ON TABLE hr.employee_tax TO GROUP all_employees;
GRANT SELECT ON TABLE hr.medical_accommodations TO GROUP all_employees;

-- Payment card holders: plaintext card numbers, IBANs and contact details readable by everyone.
GRANT SELECT ON TABLE payments.cardholders TO ROLE public;

-- Protected tables: readable by everyone, but the sensitive columns are encrypted or hashed.
GRANT SELECT ON TABLE payments.cards_vault TO ROLE public;
GRANT SELECT ON TABLE hr.payroll_encrypted TO GROUP all_employees;

-- Team grants: sensitive data readable only by the teams that need it.
GRANT SELECT ON TABLE hr.employee_directory TO GROUP people_ops;
GRANT SELECT ON TABLE eng.oncall_chat TO USER oncall_bot;
GRANT SELECT ON TABLE eng.oncall_chat TO GROUP sre_oncall;

-- A write grant gives no read access.
GRANT INSERT ON TABLE eng.oncall_chat TO GROUP sre_oncall;

-- Harmless data: product analytics for everyone, build metrics for engineering.
GRANT SELECT ON DATABASE analytics TO ROLE public;
GRANT SELECT ON TABLE eng.build_metrics TO GROUP engineering;
