using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LeanerScores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AccountScores_Accounts_AccountId",
                table: "AccountScores");

            migrationBuilder.DropIndex(
                name: "IX_AccountScores_Quadrant_Attractiveness",
                table: "AccountScores");

            migrationBuilder.DropIndex(
                name: "IX_AccountScores_Revenue12",
                table: "AccountScores");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AccountScores_Quadrant_Attractiveness",
                table: "AccountScores",
                columns: new[] { "Quadrant", "Attractiveness" });

            migrationBuilder.CreateIndex(
                name: "IX_AccountScores_Revenue12",
                table: "AccountScores",
                column: "Revenue12");

            migrationBuilder.AddForeignKey(
                name: "FK_AccountScores_Accounts_AccountId",
                table: "AccountScores",
                column: "AccountId",
                principalTable: "Accounts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
