using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Steward.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Engagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LastContactedAt",
                table: "Contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CadenceRule",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Tier = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    StakeholderRole = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    TeamRole = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    MeetingType = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    IntervalDays = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CadenceRule", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalendarFeedTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastUsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarFeedTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalendarFeedTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Interaction",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AccountId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    MeetingType = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: true),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Agenda = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Notes = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OwnerId = table.Column<string>(type: "text", nullable: false),
                    IsCustomerTouch = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interaction", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Interaction_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Interaction_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InteractionParticipant",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InteractionId = table.Column<int>(type: "integer", nullable: false),
                    AccountId = table.Column<int>(type: "integer", nullable: false),
                    ContactId = table.Column<int>(type: "integer", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionParticipant", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InteractionParticipant_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InteractionParticipant_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InteractionParticipant_Interaction_InteractionId",
                        column: x => x.InteractionId,
                        principalTable: "Interaction",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "CadenceRule",
                columns: new[] { "Id", "CreatedAt", "IntervalDays", "IsActive", "Kind", "MeetingType", "Name", "StakeholderRole", "TeamRole", "Tier", "UpdatedAt", "Version" },
                values: new object[,]
                {
                    { 1, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 30, true, null, null, "Key accounts: a touch with the decision maker every 30 days", "DecisionMaker", null, "Key", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 2, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 90, true, "Meeting", null, "Key accounts: a meeting with our executive sponsor every 90 days", null, "ExecutiveSponsor", "Key", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 3, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 91, true, "Meeting", "Qbr", "Key accounts: a QBR every quarter", null, null, "Key", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 4, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 14, true, null, null, "Key accounts: a touch every 14 days", null, null, "Key", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 5, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 30, true, null, null, "Growth accounts: a touch every 30 days", null, null, "Growth", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L },
                    { 6, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 60, true, null, null, "Standard accounts: a touch every 60 days", null, null, "Standard", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_ContactId",
                table: "Tasks",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeedTokens_Hash",
                table: "CalendarFeedTokens",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeedTokens_UserId",
                table: "CalendarFeedTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Interaction_AccountId_StartsAt",
                table: "Interaction",
                columns: new[] { "AccountId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Interaction_OwnerId_StartsAt",
                table: "Interaction",
                columns: new[] { "OwnerId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionParticipant_ContactId_InteractionId",
                table: "InteractionParticipant",
                columns: new[] { "ContactId", "InteractionId" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionParticipant_InteractionId",
                table: "InteractionParticipant",
                column: "InteractionId");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionParticipant_UserId_InteractionId",
                table: "InteractionParticipant",
                columns: new[] { "UserId", "InteractionId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Tasks_Contacts_ContactId",
                table: "Tasks",
                column: "ContactId",
                principalTable: "Contacts",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Tasks_Contacts_ContactId",
                table: "Tasks");

            migrationBuilder.DropTable(
                name: "CadenceRule");

            migrationBuilder.DropTable(
                name: "CalendarFeedTokens");

            migrationBuilder.DropTable(
                name: "InteractionParticipant");

            migrationBuilder.DropTable(
                name: "Interaction");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_ContactId",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "LastContactedAt",
                table: "Contacts");
        }
    }
}
