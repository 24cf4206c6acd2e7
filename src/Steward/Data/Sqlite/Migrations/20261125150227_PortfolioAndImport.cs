using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PortfolioAndImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AccountChange_Accounts_AccountId",
                table: "AccountChange");

            migrationBuilder.DropForeignKey(
                name: "FK_Notification_AspNetUsers_UserId",
                table: "Notification");

            migrationBuilder.DropIndex(
                name: "IX_RevenueLines_AccountId_Period",
                table: "RevenueLines");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Notification",
                table: "Notification");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AccountChange",
                table: "AccountChange");

            migrationBuilder.RenameTable(
                name: "Notification",
                newName: "Notifications");

            migrationBuilder.RenameTable(
                name: "AccountChange",
                newName: "AccountChanges");

            migrationBuilder.RenameIndex(
                name: "IX_Notification_UserId_ReadAt_CreatedAt",
                table: "Notifications",
                newName: "IX_Notifications_UserId_ReadAt_CreatedAt");

            migrationBuilder.RenameIndex(
                name: "IX_AccountChange_AccountId_At",
                table: "AccountChanges",
                newName: "IX_AccountChanges_AccountId_At");

            migrationBuilder.AddColumn<string>(
                name: "ProductKey",
                table: "RevenueLines",
                type: "TEXT",
                maxLength: 150,
                nullable: false,
                defaultValue: "");

            // Lines that existed before product keys: derive the key so the unique index can be built.
            migrationBuilder.Sql("UPDATE \"RevenueLines\" SET \"ProductKey\" = LOWER(TRIM(COALESCE(\"Product\", '')))");

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

            migrationBuilder.AddPrimaryKey(
                name: "PK_Notifications",
                table: "Notifications",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AccountChanges",
                table: "AccountChanges",
                column: "Id");

            migrationBuilder.CreateTable(
                name: "AccountScores",
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
                    table.PrimaryKey("PK_AccountScores", x => x.AccountId);
                    table.ForeignKey(
                        name: "FK_AccountScores_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportJobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    StoredFile = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FileSize = table.Column<long>(type: "INTEGER", nullable: false),
                    EncodingName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Separator = table.Column<char>(type: "TEXT", nullable: false),
                    HeadersJson = table.Column<string>(type: "TEXT", nullable: false),
                    MappingJson = table.Column<string>(type: "TEXT", nullable: false),
                    EstimatedRows = table.Column<int>(type: "INTEGER", nullable: true),
                    RowsRead = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsCommitted = table.Column<int>(type: "INTEGER", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    Warnings = table.Column<int>(type: "INTEGER", nullable: false),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HeartbeatAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportJobs_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "SavedImportMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    HeaderSignature = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    MappingJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedImportMappings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScoringRuns",
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
                    table.PrimaryKey("PK_ScoringRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StagedRevenue",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobId = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProductKey = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Product = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    Amount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Margin = table.Column<double>(type: "REAL", precision: 9, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StagedRevenue", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportProblems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobId = table.Column<int>(type: "INTEGER", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    Column = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportProblems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportProblems_ImportJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "ImportJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RevenueLines_AccountId_Period_ProductKey",
                table: "RevenueLines",
                columns: new[] { "AccountId", "Period", "ProductKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RevenueLines_Period",
                table: "RevenueLines",
                column: "Period");

            migrationBuilder.CreateIndex(
                name: "IX_AccountScores_Quadrant_Attractiveness",
                table: "AccountScores",
                columns: new[] { "Quadrant", "Attractiveness" });

            migrationBuilder.CreateIndex(
                name: "IX_AccountScores_Revenue12",
                table: "AccountScores",
                column: "Revenue12");

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_CreatedById_CreatedAt",
                table: "ImportJobs",
                columns: new[] { "CreatedById", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_Status_HeartbeatAt",
                table: "ImportJobs",
                columns: new[] { "Status", "HeartbeatAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportProblems_JobId_Line",
                table: "ImportProblems",
                columns: new[] { "JobId", "Line" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedImportMappings_Kind_Name",
                table: "SavedImportMappings",
                columns: new[] { "Kind", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoringRuns_FinishedAt",
                table: "ScoringRuns",
                column: "FinishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_StagedRevenue_JobId",
                table: "StagedRevenue",
                column: "JobId");

            migrationBuilder.AddForeignKey(
                name: "FK_AccountChanges_Accounts_AccountId",
                table: "AccountChanges",
                column: "AccountId",
                principalTable: "Accounts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_AspNetUsers_UserId",
                table: "Notifications",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AccountChanges_Accounts_AccountId",
                table: "AccountChanges");

            migrationBuilder.DropForeignKey(
                name: "FK_Notifications_AspNetUsers_UserId",
                table: "Notifications");

            migrationBuilder.DropTable(
                name: "AccountScores");

            migrationBuilder.DropTable(
                name: "ImportProblems");

            migrationBuilder.DropTable(
                name: "PortfolioSettings");

            migrationBuilder.DropTable(
                name: "SavedImportMappings");

            migrationBuilder.DropTable(
                name: "ScoringRuns");

            migrationBuilder.DropTable(
                name: "StagedRevenue");

            migrationBuilder.DropTable(
                name: "ImportJobs");

            migrationBuilder.DropIndex(
                name: "IX_RevenueLines_AccountId_Period_ProductKey",
                table: "RevenueLines");

            migrationBuilder.DropIndex(
                name: "IX_RevenueLines_Period",
                table: "RevenueLines");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Notifications",
                table: "Notifications");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AccountChanges",
                table: "AccountChanges");

            migrationBuilder.DropColumn(
                name: "ProductKey",
                table: "RevenueLines");

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

            migrationBuilder.RenameTable(
                name: "Notifications",
                newName: "Notification");

            migrationBuilder.RenameTable(
                name: "AccountChanges",
                newName: "AccountChange");

            migrationBuilder.RenameIndex(
                name: "IX_Notifications_UserId_ReadAt_CreatedAt",
                table: "Notification",
                newName: "IX_Notification_UserId_ReadAt_CreatedAt");

            migrationBuilder.RenameIndex(
                name: "IX_AccountChanges_AccountId_At",
                table: "AccountChange",
                newName: "IX_AccountChange_AccountId_At");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Notification",
                table: "Notification",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AccountChange",
                table: "AccountChange",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_RevenueLines_AccountId_Period",
                table: "RevenueLines",
                columns: new[] { "AccountId", "Period" });

            migrationBuilder.AddForeignKey(
                name: "FK_AccountChange_Accounts_AccountId",
                table: "AccountChange",
                column: "AccountId",
                principalTable: "Accounts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Notification_AspNetUsers_UserId",
                table: "Notification",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
