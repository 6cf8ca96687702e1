-- Leads by creation time: the reports read new leads per span, week and window (issue 11).
CREATE INDEX "Customer_workspaceId_createdAt_idx" ON "Customer"("workspaceId", "createdAt");
