using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RevenueMergedPerBatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Imports still under way kept their rows in StagedRevenue until the end; those rows
            // go with the table, so such an import starts over from the first row when resumed.
            migrationBuilder.Sql("""
                DELETE FROM "ImportProblems" WHERE "JobId" IN (SELECT DISTINCT "JobId" FROM "StagedRevenue");
                UPDATE "ImportJobs" SET "RowsRead" = 0, "RowsCommitted" = 0, "Created" = 0, "Updated" = 0, "Unchanged" = 0,
                    "Rejected" = 0, "Skipped" = 0, "Warnings" = 0
                WHERE "Id" IN (SELECT DISTINCT "JobId" FROM "StagedRevenue");
                """);
            migrationBuilder.DropTable(
                name: "StagedRevenue");

            migrationBuilder.AddColumn<int>(
                name: "CreatedByImportId",
                table: "RevenueLines",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RevenueLinesBefore",
                columns: table => new
                {
                    JobId = table.Column<int>(type: "INTEGER", nullable: false),
                    LineId = table.Column<long>(type: "INTEGER", nullable: false),
                    Amount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Margin = table.Column<double>(type: "REAL", precision: 9, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevenueLinesBefore", x => new { x.JobId, x.LineId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RevenueLinesBefore");

            migrationBuilder.DropColumn(
                name: "CreatedByImportId",
                table: "RevenueLines");

            migrationBuilder.CreateTable(
                name: "StagedRevenue",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    JobId = table.Column<int>(type: "INTEGER", nullable: false),
                    Margin = table.Column<double>(type: "REAL", precision: 9, scale: 4, nullable: true),
                    Period = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Product = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    ProductKey = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StagedRevenue", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StagedRevenue_JobId",
                table: "StagedRevenue",
                column: "JobId");
        }
    }
}
