# One image for every kycflow service; the command chooses: all-in-one (default), ingest-api,
# check-workers or notifier. Not built in CI here (no Docker engine on the build machines): the
# multi-process end-to-end test runs the same commands as separate JVMs instead.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl app -am package

FROM eclipse-temurin:21-jre
# OCR for the document checks (docs/documents.md): scans and ID pages are read by the tesseract program.
RUN apt-get update && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /var/lib/kycflow kycflow && mkdir -p /var/lib/kycflow && chown kycflow /var/lib/kycflow
WORKDIR /opt/kycflow
COPY --from=build /src/app/target/kycflow.jar ./
COPY --from=build /src/app/target/lib ./lib
USER kycflow
ENV KYCFLOW_DATA_DIR=/var/lib/kycflow KYCFLOW_HTTP_HOST=0.0.0.0
EXPOSE 8080
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/opt/kycflow/kycflow.jar"]
CMD ["all-in-one"]
