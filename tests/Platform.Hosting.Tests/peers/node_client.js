// A generic gRPC client on @grpc/grpc-js, driven by a JSON spec on stdin; messages come from the
// .proto files through @grpc/proto-loader. Prints one JSON result per call on stdout.
'use strict';
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const loaderOptions = { keepCase: true, longs: String, enums: String, bytes: String, defaults: false, oneofs: true };

function findMethod(definition, path) {
  const [, service, method] = path.split('/');
  const entry = definition[service] && definition[service][method];
  if (!entry) throw new Error(`unknown method ${path}`);
  return entry;
}

function metadataOut(metadata) {
  const out = [];
  for (const [key, values] of Object.entries(metadata ? metadata.getMap() : {})) {
    out.push([key, Buffer.isBuffer(values) ? values.toString('base64') : String(values)]);
  }
  return out;
}

function runCall(client, definition, call) {
  return new Promise((resolve) => {
    const method = findMethod(definition, call.method);
    const metadata = new grpc.Metadata();
    for (const [k, v] of call.metadata || []) metadata.add(k, v);
    for (const [k, v] of call.binary_metadata || []) metadata.add(k, Buffer.from(v, 'base64'));
    if (call.token) metadata.add('authorization', `Bearer ${call.token}`);
    const options = call.timeout ? { deadline: new Date(Date.now() + call.timeout * 1000) } : {};
    const requests = call.requests || [{}];
    const responses = [];
    let initial = null;
    const finish = (error, status) => {
      if (error) {
        resolve({ ok: false, code: grpc.status[error.code], details: error.details, trailing_metadata: metadataOut(error.metadata) });
      } else {
        resolve({ ok: true, responses, initial_metadata: metadataOut(initial), trailing_metadata: metadataOut(status && status.metadata) });
      }
    };
    const decode = (bytes) => method.responseDeserialize(bytes);
    const path = method.path;
    let rpc;
    const kind = call.type || 'unary';
    if (kind === 'unary' || kind === 'client_stream') {
      let status = null;
      let error = null;
      let pending = 2;
      const done = () => { if (--pending === 0) finish(error, status); };
      const callback = (err, response) => { if (err) error = err; else responses.push(response); done(); };
      rpc = kind === 'unary'
        ? client.makeUnaryRequest(path, method.requestSerialize, decode, requests[0], metadata, options, callback)
        : client.makeClientStreamRequest(path, method.requestSerialize, decode, metadata, options, callback);
      rpc.on('status', (s) => { status = s; done(); });
      if (kind === 'client_stream') {
        for (const r of requests) rpc.write(r);
        rpc.end();
      }
    } else {
      rpc = kind === 'server_stream'
        ? client.makeServerStreamRequest(path, method.requestSerialize, decode, requests[0], metadata, options)
        : client.makeBidiStreamRequest(path, method.requestSerialize, decode, metadata, options);
      let error = null;
      rpc.on('data', (m) => responses.push(m));
      rpc.on('error', (e) => { error = e; });
      rpc.on('status', (s) => finish(error, s));
      if (kind === 'bidi') {
        for (const r of requests) rpc.write(r);
        rpc.end();
      }
    }
    rpc.on('metadata', (m) => { initial = m; });
  });
}

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const spec = JSON.parse(Buffer.concat(chunks).toString());
  const definition = protoLoader.loadSync(spec.protos, { ...loaderOptions, includeDirs: spec.include_dirs });
  const Client = grpc.makeGenericClientConstructor({}, 'Generic');
  const client = new Client(spec.target, grpc.credentials.createInsecure());
  const results = [];
  for (const call of spec.calls) results.push(await runCall(client, definition, call));
  client.close();
  process.stdout.write(JSON.stringify(results));
}

main().catch((e) => { console.error(e); process.exit(1); });
