using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertificateInquiry.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AgencyInquiries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PaperLetterId",
                table: "Requests",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AgencyClientId",
                table: "InquiryAudit",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CaseReference",
                table: "InquiryAudit",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InquiryId",
                table: "InquiryAudit",
                type: "varchar(40)",
                unicode: false,
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NationalCodeHash",
                table: "InquiryAudit",
                type: "varchar(32)",
                unicode: false,
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OfficerId",
                table: "InquiryAudit",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "InquiryAudit",
                type: "varchar(16)",
                unicode: false,
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgencyAnswers",
                columns: table => new
                {
                    InquiryId = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false),
                    AgencyClientId = table.Column<int>(type: "int", nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SignedAnswer = table.Column<string>(type: "varchar(max)", unicode: false, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyAnswers", x => x.InquiryId);
                });

            migrationBuilder.CreateTable(
                name: "AgencyClients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ClientId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    ContactName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ContactEmail = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    ContactPhone = table.Column<string>(type: "varchar(15)", unicode: false, maxLength: 15, nullable: false),
                    Scopes = table.Column<int>(type: "int", nullable: false),
                    DailyRowQuota = table.Column<int>(type: "int", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SuspendedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SuspensionReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyClients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpenIddictApplications",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ApplicationType = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ClientId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ClientSecret = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ClientType = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ConcurrencyToken = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ConsentType = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    DisplayName = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    DisplayNames = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    JsonWebKeySet = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Permissions = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    PostLogoutRedirectUris = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Properties = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    RedirectUris = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Requirements = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Settings = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIddictApplications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpenIddictScopes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ConcurrencyToken = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Description = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Descriptions = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    DisplayName = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    DisplayNames = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Properties = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Resources = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIddictScopes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SpentClientAssertions",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    TokenId = table.Column<string>(type: "varchar(128)", unicode: false, maxLength: 128, nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpentClientAssertions", x => new { x.ClientId, x.TokenId });
                });

            migrationBuilder.CreateTable(
                name: "AgencyBatches",
                columns: table => new
                {
                    Id = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    AgencyClientId = table.Column<int>(type: "int", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    FileSha256 = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    CaseReference = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    OfficerId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Format = table.Column<string>(type: "varchar(8)", unicode: false, maxLength: 8, nullable: true),
                    PersonScope = table.Column<bool>(type: "bit", nullable: false),
                    ClientAddressHash = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    RejectionCode = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    RejectionMessage = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    Total = table.Column<int>(type: "int", nullable: false),
                    Processed = table.Column<int>(type: "int", nullable: false),
                    Verified = table.Column<int>(type: "int", nullable: false),
                    NotFound = table.Column<int>(type: "int", nullable: false),
                    Invalid = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ResultsExpireAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ResultsDeletedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LeaseOwner = table.Column<string>(type: "varchar(100)", unicode: false, maxLength: 100, nullable: true),
                    LeasedUntilUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
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
                name: "AgencyClientSecrets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AgencyClientId = table.Column<int>(type: "int", nullable: false),
                    Hash = table.Column<string>(type: "varchar(256)", unicode: false, maxLength: 256, nullable: false),
                    Hint = table.Column<string>(type: "varchar(8)", unicode: false, maxLength: 8, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyClientSecrets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgencyClientSecrets_AgencyClients_AgencyClientId",
                        column: x => x.AgencyClientId,
                        principalTable: "AgencyClients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgencyDailyUsage",
                columns: table => new
                {
                    AgencyClientId = table.Column<int>(type: "int", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Rows = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyDailyUsage", x => new { x.AgencyClientId, x.Day });
                    table.ForeignKey(
                        name: "FK_AgencyDailyUsage_AgencyClients_AgencyClientId",
                        column: x => x.AgencyClientId,
                        principalTable: "AgencyClients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaperLetters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProvinceId = table.Column<int>(type: "int", nullable: false),
                    AgencyClientId = table.Column<int>(type: "int", nullable: true),
                    AgencyName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AgencyKey = table.Column<string>(type: "nvarchar(208)", maxLength: 208, nullable: false),
                    AgencyLetterNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    AgencyLetterDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Purpose = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    RegisteredByUserId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    RegisteredByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AnswerLetterNumber = table.Column<string>(type: "varchar(24)", unicode: false, maxLength: 24, nullable: true),
                    AnswerJalaliYear = table.Column<int>(type: "int", nullable: true),
                    AnswerSequence = table.Column<int>(type: "int", nullable: true),
                    VerificationCode = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: true),
                    IssuedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SignerUserId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    SignerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SignerTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperLetters_AgencyClients_AgencyClientId",
                        column: x => x.AgencyClientId,
                        principalTable: "AgencyClients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperLetters_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OpenIddictAuthorizations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ApplicationId = table.Column<string>(type: "nvarchar(450)", nullable: true),
                    ConcurrencyToken = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    CreationDate = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Properties = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Scopes = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Subject = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    Type = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIddictAuthorizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpenIddictAuthorizations_OpenIddictApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "OpenIddictApplications",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "AgencyBatchFiles",
                columns: table => new
                {
                    BatchId = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Format = table.Column<string>(type: "varchar(8)", unicode: false, maxLength: 8, nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    Sha256 = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Signature = table.Column<string>(type: "varchar(max)", unicode: false, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                    BatchId = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    RowNumber = table.Column<int>(type: "int", nullable: false),
                    RowId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    NationalCode = table.Column<string>(type: "varchar(10)", unicode: false, maxLength: 10, nullable: true),
                    CertificateNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    FirstName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    LastName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    Processed = table.Column<bool>(type: "bit", nullable: false),
                    Outcome = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: true),
                    FirstNameMatch = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: true),
                    LastNameMatch = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: true),
                    Certificates = table.Column<string>(type: "nvarchar(max)", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "PaperLetterRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PaperLetterId = table.Column<long>(type: "bigint", nullable: false),
                    RowNumber = table.Column<int>(type: "int", nullable: false),
                    RowId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    GivenNationalCode = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    GivenCertificateNumber = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    GivenFirstName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    GivenLastName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    NationalCode = table.Column<string>(type: "varchar(10)", unicode: false, maxLength: 10, nullable: true),
                    CertificateNumber = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    FirstName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    LastName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Outcome = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    ReasonCode = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    RequestId = table.Column<long>(type: "bigint", nullable: true),
                    CertificateId = table.Column<long>(type: "bigint", nullable: true),
                    FoundCertificateNumber = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    StandardTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    StandardCode = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    IssueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CertificateStatus = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: true),
                    FirstNameMatch = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: true),
                    LastNameMatch = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperLetterRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperLetterRows_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperLetterRows_PaperLetters_PaperLetterId",
                        column: x => x.PaperLetterId,
                        principalTable: "PaperLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PaperLetterRows_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OpenIddictTokens",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ApplicationId = table.Column<string>(type: "nvarchar(450)", nullable: true),
                    AuthorizationId = table.Column<string>(type: "nvarchar(450)", nullable: true),
                    ConcurrencyToken = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    CreationDate = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ExpirationDate = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Payload = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Properties = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    RedemptionDate = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReferenceId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Subject = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    Type = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIddictTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpenIddictTokens_OpenIddictApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "OpenIddictApplications",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_OpenIddictTokens_OpenIddictAuthorizations_AuthorizationId",
                        column: x => x.AuthorizationId,
                        principalTable: "OpenIddictAuthorizations",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_InquiryAudit_AgencyClientId_OccurredAtUtc",
                table: "InquiryAudit",
                columns: new[] { "AgencyClientId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_InquiryAudit_NationalCodeHash_OccurredAtUtc",
                table: "InquiryAudit",
                columns: new[] { "NationalCodeHash", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyAnswers_AnsweredAtUtc",
                table: "AgencyAnswers",
                column: "AnsweredAtUtc");

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

            migrationBuilder.CreateIndex(
                name: "IX_AgencyClients_ClientId",
                table: "AgencyClients",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgencyClientSecrets_AgencyClientId",
                table: "AgencyClientSecrets",
                column: "AgencyClientId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictApplications_ClientId",
                table: "OpenIddictApplications",
                column: "ClientId",
                unique: true,
                filter: "[ClientId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictAuthorizations_ApplicationId_Status_Subject_Type",
                table: "OpenIddictAuthorizations",
                columns: new[] { "ApplicationId", "Status", "Subject", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictScopes_Name",
                table: "OpenIddictScopes",
                column: "Name",
                unique: true,
                filter: "[Name] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictTokens_ApplicationId_Status_Subject_Type",
                table: "OpenIddictTokens",
                columns: new[] { "ApplicationId", "Status", "Subject", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictTokens_ReferenceId",
                table: "OpenIddictTokens",
                column: "ReferenceId",
                unique: true,
                filter: "[ReferenceId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PaperLetterRows_PaperLetterId_RowNumber",
                table: "PaperLetterRows",
                columns: new[] { "PaperLetterId", "RowNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperLetterRows_RequestId",
                table: "PaperLetterRows",
                column: "RequestId",
                unique: true,
                filter: "[RequestId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PaperLetters_AnswerLetterNumber",
                table: "PaperLetters",
                column: "AnswerLetterNumber",
                unique: true,
                filter: "[AnswerLetterNumber] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PaperLetters_ProvinceId_AgencyKey_AgencyLetterNumber",
                table: "PaperLetters",
                columns: new[] { "ProvinceId", "AgencyKey", "AgencyLetterNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperLetters_ProvinceId_AnswerJalaliYear_AnswerSequence",
                table: "PaperLetters",
                columns: new[] { "ProvinceId", "AnswerJalaliYear", "AnswerSequence" },
                unique: true,
                filter: "[AnswerJalaliYear] IS NOT NULL AND [AnswerSequence] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PaperLetters_ProvinceId_RegisteredAtUtc",
                table: "PaperLetters",
                columns: new[] { "ProvinceId", "RegisteredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperLetters_VerificationCode",
                table: "PaperLetters",
                column: "VerificationCode",
                unique: true,
                filter: "[VerificationCode] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SpentClientAssertions_ExpiresAtUtc",
                table: "SpentClientAssertions",
                column: "ExpiresAtUtc");

            migrationBuilder.AddForeignKey(
                name: "FK_Requests_PaperLetters_PaperLetterId",
                table: "Requests",
                column: "PaperLetterId",
                principalTable: "PaperLetters",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Requests_PaperLetters_PaperLetterId",
                table: "Requests");

            migrationBuilder.DropTable(
                name: "AgencyAnswers");

            migrationBuilder.DropTable(
                name: "AgencyBatchFiles");

            migrationBuilder.DropTable(
                name: "AgencyBatchRows");

            migrationBuilder.DropTable(
                name: "AgencyClientSecrets");

            migrationBuilder.DropTable(
                name: "AgencyDailyUsage");

            migrationBuilder.DropTable(
                name: "OpenIddictScopes");

            migrationBuilder.DropTable(
                name: "OpenIddictTokens");

            migrationBuilder.DropTable(
                name: "PaperLetterRows");

            migrationBuilder.DropTable(
                name: "SpentClientAssertions");

            migrationBuilder.DropTable(
                name: "AgencyBatches");

            migrationBuilder.DropTable(
                name: "OpenIddictAuthorizations");

            migrationBuilder.DropTable(
                name: "PaperLetters");

            migrationBuilder.DropTable(
                name: "OpenIddictApplications");

            migrationBuilder.DropTable(
                name: "AgencyClients");

            migrationBuilder.DropIndex(
                name: "IX_InquiryAudit_AgencyClientId_OccurredAtUtc",
                table: "InquiryAudit");

            migrationBuilder.DropIndex(
                name: "IX_InquiryAudit_NationalCodeHash_OccurredAtUtc",
                table: "InquiryAudit");

            migrationBuilder.DropColumn(
                name: "PaperLetterId",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "AgencyClientId",
                table: "InquiryAudit");

            migrationBuilder.DropColumn(
                name: "CaseReference",
                table: "InquiryAudit");

            migrationBuilder.DropColumn(
                name: "InquiryId",
                table: "InquiryAudit");

            migrationBuilder.DropColumn(
                name: "NationalCodeHash",
                table: "InquiryAudit");

            migrationBuilder.DropColumn(
                name: "OfficerId",
                table: "InquiryAudit");

            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "InquiryAudit");
        }
    }
}
