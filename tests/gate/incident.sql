-- The assistant rollout: tables that will hold what employees typed and asked.
USE mci;

CREATE TABLE mci.agent_sessions (
  session_id BIGINT,
  employee_ssn STRING COMMENT 'for payroll joins',
  keystrokes STRING,
  prompt STRING COMMENT 'what the employee asked the assistant',
  created_at TIMESTAMP
)
PARTITIONED BY (dt STRING)
STORED AS ORC;

-- exposure:ignore GATE003 labels are added by the catalog sync job
CREATE TABLE mci.agent_feedback (feedback_id BIGINT, rating INT, comment_text STRING);

GRANT SELECT ON TABLE mci.agent_sessions TO ROLE public;
GRANT SELECT ON TABLE mci.agent_sessions TO USER alice;

CREATE ROLE mci_analysts;
GRANT ROLE mci_analysts TO ROLE public;
GRANT SELECT ON DATABASE mci TO ROLE mci_analysts;

ALTER TABLE mci.agent_feedback ADD COLUMNS (reviewer_email STRING);
