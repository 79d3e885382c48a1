-- Tables whose column names and comments sound conversational but are not: log-message fields of
-- server logs, and job titles abbreviated in a comment.
CREATE TABLE ops.server_logs (ts TIMESTAMP, level STRING, logger STRING, message STRING)
  TBLPROPERTIES ('owner'='sre', 'sensitivity'='internal');
CREATE TABLE default.app_events (event_id BIGINT, msg STRING, message_text STRING)
  TBLPROPERTIES ('owner'='sre', 'sensitivity'='internal');
CREATE TABLE sales.territory_staff (staff_id BIGINT, role STRING COMMENT 'Role of the rep (DM / CM / BDM / BD)')
  TBLPROPERTIES ('owner'='sales', 'sensitivity'='internal');
-- and one that is a conversation
CREATE TABLE chat.direct_messages (dm_id BIGINT, body STRING COMMENT 'Direct message body between two employees')
  TBLPROPERTIES ('owner'='chat', 'sensitivity'='restricted');
