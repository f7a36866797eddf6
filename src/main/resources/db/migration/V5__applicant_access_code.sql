-- The code with which an applicant follows their own application without an account (on the public progress
-- page and in the links of their mails). Applications received before it existed have none.
alter table application add column access_code varchar(16);
