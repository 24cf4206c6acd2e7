using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Steward.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                    ContactId = table.Column<int>(type: "INTEGER", nullable: true),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SlaDueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EscalationLevel = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    LevelHolderId = table.Column<string>(type: "TEXT", nullable: true),
                    LevelDueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RootCause = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cases_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_AspNetUsers_LevelHolderId",
                        column: x => x.LevelHolderId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Contract",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AnnualValue = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    AutoRenew = table.Column<bool>(type: "INTEGER", nullable: false),
                    NoticePeriodDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RenewalRisk = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RiskReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ActionPlan = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RenewalLeadDays = table.Column<int>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    ArchivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Documents = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contract", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contract_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OpportunityStage",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Probability = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpportunityStage", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SalesTarget",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    SetById = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesTarget", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SalesTarget_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseEscalation",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    AssigneeId = table.Column<string>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Automatic = table.Column<bool>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseEscalation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseEscalation_AspNetUsers_AssigneeId",
                        column: x => x.AssigneeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseEscalation_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Opportunity",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Probability = table.Column<int>(type: "INTEGER", nullable: false),
                    CloseDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                    ForecastCategory = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    LostReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    ContractId = table.Column<int>(type: "INTEGER", nullable: true),
                    RenewalTermEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RfpDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StageChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ArchivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Opportunity", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Opportunity_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Opportunity_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Opportunity_Contract_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contract",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Opportunity_OpportunityStage_StageId",
                        column: x => x.StageId,
                        principalTable: "OpportunityStage",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OpportunityStageChange",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OpportunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromStageId = table.Column<int>(type: "INTEGER", nullable: true),
                    FromStageName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ToStageId = table.Column<int>(type: "INTEGER", nullable: false),
                    ToStageName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Amount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    Probability = table.Column<int>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpportunityStageChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpportunityStageChange_Opportunity_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunity",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "OpportunityStage",
                columns: new[] { "Id", "CreatedAt", "IsActive", "Name", "Outcome", "Position", "Probability", "Type", "UpdatedAt", "Version" },
                values: new object[,]
                {
                    { 1, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Identified", "Open", 10, 10, "Expansion", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 2, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Qualified", "Open", 20, 25, "Expansion", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 3, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Proposal", "Open", 30, 50, "Expansion", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 4, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Negotiation", "Open", 40, 75, "Expansion", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 5, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Won", "Won", 50, 100, "Expansion", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 6, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Lost", "Lost", 60, 0, "Expansion", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 11, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Identified", "Open", 10, 10, "Renewal", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 12, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Qualified", "Open", 20, 25, "Renewal", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 13, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Proposal", "Open", 30, 50, "Renewal", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 14, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Negotiation", "Open", 40, 75, "Renewal", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 15, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Won", "Won", 50, 100, "Renewal", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 16, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Lost", "Lost", 60, 0, "Renewal", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 21, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Identified", "Open", 10, 10, "CrossSell", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 22, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Qualified", "Open", 20, 25, "CrossSell", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 23, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Proposal", "Open", 30, 50, "CrossSell", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 24, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Negotiation", "Open", 40, 75, "CrossSell", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 25, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Won", "Won", 50, 100, "CrossSell", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 26, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Lost", "Lost", 60, 0, "CrossSell", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 31, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Identified", "Open", 10, 10, "NewProduct", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 32, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Qualified", "Open", 20, 25, "NewProduct", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 33, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Proposal", "Open", 30, 50, "NewProduct", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 34, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Negotiation", "Open", 40, 75, "NewProduct", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 35, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Won", "Won", 50, 100, "NewProduct", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 36, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Lost", "Lost", 60, 0, "NewProduct", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 41, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Identified", "Open", 10, 10, "Rfp", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 42, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Qualified", "Open", 20, 25, "Rfp", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 43, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Proposal", "Open", 30, 50, "Rfp", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 44, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Negotiation", "Open", 40, 75, "Rfp", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 45, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Won", "Won", 50, 100, "Rfp", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 46, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Lost", "Lost", 60, 0, "Rfp", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 51, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Identified", "Open", 10, 10, "ProForma", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 52, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Qualified", "Open", 20, 25, "ProForma", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 53, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Proposal", "Open", 30, 50, "ProForma", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 54, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Negotiation", "Open", 40, 75, "ProForma", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 55, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Won", "Won", 50, 100, "ProForma", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 56, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), true, "Lost", "Lost", 60, 0, "ProForma", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseEscalation_AssigneeId",
                table: "CaseEscalation",
                column: "AssigneeId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseEscalation_CaseId_StartedAt",
                table: "CaseEscalation",
                columns: new[] { "CaseId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AccountId_Status",
                table: "Cases",
                columns: new[] { "AccountId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_LevelHolderId_Status",
                table: "Cases",
                columns: new[] { "LevelHolderId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OwnerId_Status",
                table: "Cases",
                columns: new[] { "OwnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_LevelDueAt",
                table: "Cases",
                columns: new[] { "Status", "LevelDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Contract_AccountId",
                table: "Contract",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Contract_Status_EndDate",
                table: "Contract",
                columns: new[] { "Status", "EndDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunity_AccountId",
                table: "Opportunity",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunity_ContractId_RenewalTermEnd",
                table: "Opportunity",
                columns: new[] { "ContractId", "RenewalTermEnd" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Opportunity_OwnerId_CloseDate",
                table: "Opportunity",
                columns: new[] { "OwnerId", "CloseDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunity_StageId_CloseDate",
                table: "Opportunity",
                columns: new[] { "StageId", "CloseDate" });

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityStage_Type_Position",
                table: "OpportunityStage",
                columns: new[] { "Type", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityStageChange_OpportunityId_At",
                table: "OpportunityStageChange",
                columns: new[] { "OpportunityId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SalesTarget_UserId_Year_Quarter",
                table: "SalesTarget",
                columns: new[] { "UserId", "Year", "Quarter" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseEscalation");

            migrationBuilder.DropTable(
                name: "OpportunityStageChange");

            migrationBuilder.DropTable(
                name: "SalesTarget");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "Opportunity");

            migrationBuilder.DropTable(
                name: "Contract");

            migrationBuilder.DropTable(
                name: "OpportunityStage");
        }
    }
}
