using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertificateInquiry.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AgencyBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgencyBatches",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    AgencyClientId = table.Column<int>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    FileSha256 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    CaseReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OfficerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Format = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: true),
                    PersonScope = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClientAddressHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    RejectionCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    RejectionMessage = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Processed = table.Column<int>(type: "INTEGER", nullable: false),
                    Verified = table.Column<int>(type: "INTEGER", nullable: false),
                    NotFound = table.Column<int>(type: "INTEGER", nullable: false),
                    Invalid = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResultsExpireAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResultsDeletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: true),
                    LeasedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgencyBatches_AgencyClients_AgencyClientId",
                        column: x => x.AgencyClientId,
                        principalTable: "AgencyClients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgencyBatchFiles",
                columns: table => new
                {
                    BatchId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Format = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", unicode: false, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyBatchFiles", x => new { x.BatchId, x.Format });
                    table.ForeignKey(
                        name: "FK_AgencyBatchFiles_AgencyBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "AgencyBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgencyBatchRows",
                columns: table => new
                {
                    BatchId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    RowNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    RowId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NationalCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    Processed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: true),
                    FirstNameMatch = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: true),
                    LastNameMatch = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: true),
                    Certificates = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyBatchRows", x => new { x.BatchId, x.RowNumber });
                    table.ForeignKey(
                        name: "FK_AgencyBatchRows_AgencyBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "AgencyBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyBatches_AgencyClientId_CreatedAtUtc",
                table: "AgencyBatches",
                columns: new[] { "AgencyClientId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyBatches_AgencyClientId_IdempotencyKey",
                table: "AgencyBatches",
                columns: new[] { "AgencyClientId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgencyBatches_ResultsExpireAtUtc",
                table: "AgencyBatches",
                column: "ResultsExpireAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyBatches_Status_LeasedUntilUtc",
                table: "AgencyBatches",
                columns: new[] { "Status", "LeasedUntilUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgencyBatchFiles");

            migrationBuilder.DropTable(
                name: "AgencyBatchRows");

            migrationBuilder.DropTable(
                name: "AgencyBatches");
        }
    }
}
