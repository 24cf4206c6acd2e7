using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Portfolio : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "EstimatedWallet",
                table: "Accounts",
                type: "REAL",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RelationshipStrength",
                table: "Accounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Replaceability",
                table: "Accounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StrategicFit",
                table: "Accounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AccountScore",
                columns: table => new
                {
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    Revenue12 = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    RevenuePrevious12 = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    OwnRevenue12 = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    Growth = table.Column<double>(type: "REAL", precision: 12, scale: 4, nullable: true),
                    Potential = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: true),
                    Margin = table.Column<double>(type: "REAL", precision: 12, scale: 4, nullable: true),
                    ShareOfWallet = table.Column<double>(type: "REAL", precision: 12, scale: 4, nullable: true),
                    RevenueScore = table.Column<int>(type: "INTEGER", nullable: false),
                    GrowthScore = table.Column<int>(type: "INTEGER", nullable: false),
                    PotentialScore = table.Column<int>(type: "INTEGER", nullable: false),
                    MarginScore = table.Column<int>(type: "INTEGER", nullable: false),
                    StrategicFitScore = table.Column<int>(type: "INTEGER", nullable: false),
                    ReplaceabilityScore = table.Column<int>(type: "INTEGER", nullable: false),
                    ShareOfWalletScore = table.Column<int>(type: "INTEGER", nullable: false),
                    RelationshipScore = table.Column<int>(type: "INTEGER", nullable: false),
                    Attractiveness = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Quadrant = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecommendedTier = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountScore", x => x.AccountId);
                    table.ForeignKey(
                        name: "FK_AccountScore_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PortfolioSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    RevenueWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    GrowthWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    PotentialWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    MarginWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    StrategicFitWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    ReplaceabilityWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    ShareOfWalletWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    RelationshipWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    AttractivenessThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    PositionThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountsPerManager = table.Column<int>(type: "INTEGER", nullable: false),
                    KeyAccountsPerManager = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortfolioSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScoringRun",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Accounts = table.Column<int>(type: "INTEGER", nullable: false),
                    QuadrantChanges = table.Column<int>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoringRun", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountScore_Quadrant_Attractiveness",
                table: "AccountScore",
                columns: new[] { "Quadrant", "Attractiveness" });

            migrationBuilder.CreateIndex(
                name: "IX_AccountScore_Revenue12",
                table: "AccountScore",
                column: "Revenue12");

            migrationBuilder.CreateIndex(
                name: "IX_ScoringRun_FinishedAt",
                table: "ScoringRun",
                column: "FinishedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountScore");

            migrationBuilder.DropTable(
                name: "PortfolioSettings");

            migrationBuilder.DropTable(
                name: "ScoringRun");

            migrationBuilder.DropColumn(
                name: "EstimatedWallet",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "RelationshipStrength",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "Replaceability",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "StrategicFit",
                table: "Accounts");
        }
    }
}
