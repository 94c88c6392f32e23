using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFundManager.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class IndexesForInboxAndPipeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowTasks_ClosedAt_OpenedAt",
                table: "WorkflowTasks");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTasks_ClosedAt_OpenedAt_Roles_AssignedTo_InstanceId",
                table: "WorkflowTasks",
                columns: new[] { "ClosedAt", "OpenedAt", "Roles", "AssignedTo", "InstanceId" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowJournal_InstanceId_ToState_At",
                table: "WorkflowJournal",
                columns: new[] { "InstanceId", "ToState", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowTasks_ClosedAt_OpenedAt_Roles_AssignedTo_InstanceId",
                table: "WorkflowTasks");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowJournal_InstanceId_ToState_At",
                table: "WorkflowJournal");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTasks_ClosedAt_OpenedAt",
                table: "WorkflowTasks",
                columns: new[] { "ClosedAt", "OpenedAt" });
        }
    }
}
