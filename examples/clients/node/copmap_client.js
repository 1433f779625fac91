#!/usr/bin/env node
// A copmap gRPC client in Node.js (@grpc/grpc-js, @grpc/proto-loader): loads
// proto/copmap.proto at run time, checks the server's health, runs one query
// and prints JSON lines like the Python client: {"health"}, {"columns"}, one
// {"row"} per row, {"summary"}; on an error {"error"} and exit code 1.
//
//   npm ci                 # once, in this folder
//   node copmap_client.js --target 127.0.0.1:7688 [--token T] [--tls-ca ca.pem] \
//       --query 'MATCH (p:Person)-[:EXPERT_IN]->(:Domain {name: $d}) RETURN p.name' \
//       --param d=kubernetes
'use strict';

const fs = require('fs');
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const PROTO_DIR = path.resolve(__dirname, '..', '..', '..', 'proto');
const HEALTH_DIR = '/usr/share/grpc-proto';  // Debian's grpc-proto package

function parseArgs(argv) {
  const args = { params: [], token: '', tlsCa: '', timeout: 30 };
  for (let i = 2; i + 1 < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--target') args.target = value;
    else if (flag === '--query') args.query = value;
    else if (flag === '--param') args.params.push(value);
    else if (flag === '--token') args.token = value;
    else if (flag === '--tls-ca') args.tlsCa = value;
    else throw new Error(`unknown option ${flag}`);
  }
  if (!args.target || !args.query) throw new Error('usage: --target HOST:PORT --query TEXT [--param N=V]...');
  return args;
}

// name=value: an integer, a float, true/false/null, or else a string.
function parseParam(text) {
  const eq = text.indexOf('=');
  const [name, raw] = [text.slice(0, eq), text.slice(eq + 1)];
  if (/^-?\d+$/.test(raw)) return [name, { int_value: raw }];  // int64 as a string: no precision loss
  if (raw !== '' && !Number.isNaN(Number(raw))) return [name, { float_value: Number(raw) }];
  if (raw === 'true' || raw === 'false') return [name, { bool_value: raw === 'true' }];
  if (raw === 'null') return [name, { null_value: {} }];
  return [name, { string_value: raw }];
}

const EPOCH_MS = Date.UTC(1970, 0, 1);

function fromMap(m) {
  const out = {};
  for (const e of m.entries || []) out[e.key] = fromValue(e.value);
  return out;
}

function fromValue(v) {
  switch (v.kind) {
    case 'bool_value': case 'float_value': case 'string_value': return v[v.kind];
    case 'int_value': return Number(v.int_value);  // exact up to 2^53
    case 'date_value': return new Date(EPOCH_MS + Number(v.date_value.days) * 86400000).toISOString().slice(0, 10);
    case 'datetime_value': return new Date(Number(v.datetime_value.micros) / 1000).toISOString();
    case 'list_value': return (v.list_value.values || []).map(fromValue);
    case 'map_value': return fromMap(v.map_value);
    case 'node_value': return { id: Number(v.node_value.id), labels: v.node_value.labels, properties: fromMap(v.node_value.properties || {}) };
    case 'relationship_value': {
      const r = v.relationship_value;
      return { id: Number(r.id), type: r.type, start: Number(r.start), end: Number(r.end), properties: fromMap(r.properties || {}) };
    }
    case 'path_value': return { nodes: v.path_value.nodes.length, relationships: v.path_value.relationships.length };
    default: return null;
  }
}

function loadHealth() {
  const file = path.join(HEALTH_DIR, 'grpc/health/v1/health.proto');
  const definition = protoLoader.loadSync(file, { includeDirs: [HEALTH_DIR], enums: String });
  return grpc.loadPackageDefinition(definition).grpc.health.v1.Health;
}

function main() {
  const args = parseArgs(process.argv);
  const definition = protoLoader.loadSync(path.join(PROTO_DIR, 'copmap.proto'), {
    includeDirs: [PROTO_DIR], keepCase: true, longs: String, enums: String, defaults: false, oneofs: true,
  });
  const v1 = grpc.loadPackageDefinition(definition).copmap.v1;
  const credentials = args.tlsCa ? grpc.credentials.createSsl(fs.readFileSync(args.tlsCa))
                                 : grpc.credentials.createInsecure();
  const deadline = () => new Date(Date.now() + args.timeout * 1000);
  const Health = loadHealth();
  const health = new Health(args.target, credentials);
  health.Check({ service: 'copmap.v1.Copmap' }, { deadline: deadline() }, (error, reply) => {
    if (error) return fail(error);
    console.log(JSON.stringify({ health: reply.status }));
    const client = new v1.Copmap(args.target, credentials);
    const metadata = new grpc.Metadata();
    if (args.token) metadata.add('authorization', `Bearer ${args.token}`);
    const entries = args.params.map(parseParam).map(([key, value]) => ({ key, value }));
    const call = client.Query({ query: args.query, parameters: { entries } }, metadata, { deadline: deadline() });
    call.on('data', (message) => {
      if (message.header) console.log(JSON.stringify({ columns: message.header.columns }));
      for (const row of message.rows || []) console.log(JSON.stringify({ row: row.values.map(fromValue) }));
      if (message.summary) {
        const s = message.summary;
        console.log(JSON.stringify({ summary: { rows: Number(s.row_count || 0), elapsed_micros: Number(s.elapsed_micros || 0) } }));
      }
    });
    call.on('error', fail);
    call.on('end', () => { client.close(); health.close(); });
  });
}

function fail(error) {
  console.log(JSON.stringify({ error: { code: grpc.status[error.code] || error.code, message: error.details || error.message } }));
  process.exitCode = 1;
}

main();
