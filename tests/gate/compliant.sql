-- The same tables, done right: encrypted sensitive columns, labels, team-only access.
CREATE TABLE mci.agent_sessions (
  session_id BIGINT,
  employee_ssn STRING COMMENT 'for payroll joins',
  keystrokes STRING,
  prompt STRING COMMENT 'what the employee asked the assistant',
  created_at TIMESTAMP
)
PARTITIONED BY (dt STRING)
STORED AS ORC
TBLPROPERTIES (
  'orc.encrypt'='pii:employee_ssn,keystrokes,prompt',
  'owner'='mci-platform',
  'sensitivity'='restricted'
);

GRANT SELECT ON TABLE mci.agent_sessions TO ROLE mci_platform;
GRANT SELECT ON TABLE mci.agent_sessions TO USER alice;
