// The Interop service on @grpc/grpc-js: the peer our client is tested against and the
// benchmark's reference server. Prints "LISTENING <port>" once bound; exits when stdin closes.
'use strict';
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const protoRoot = path.join(__dirname, '..', 'Protos');
const definition = protoLoader.loadSync('platform/testing/v1/interop.proto', { keepCase: true, longs: Number, defaults: true, includeDirs: [protoRoot] });
const service = grpc.loadPackageDefinition(definition).platform.testing.v1.Interop.service;

const payloadOf = (size) => Buffer.alloc(size, 0x61);

const handlers = {
  Echo(call, callback) {
    const { text, payload, reply_size: replySize } = call.request;
    callback(null, { text, payload: replySize > 0 ? payloadOf(replySize) : payload, index: 0 });
  },
  Count(call) {
    const { count, text, payload_size: payloadSize } = call.request;
    const payload = payloadOf(payloadSize || 0);
    for (let i = 0; i < count; i++) call.write({ text, payload, index: i });
    call.end();
  },
  Sum(call, callback) {
    let sum = 0;
    let count = 0;
    call.on('data', (n) => { sum += Number(n.value); count++; });
    call.on('end', () => callback(null, { sum, count }));
  },
  Chat(call) {
    let index = 0;
    call.on('data', (r) => call.write({ text: r.text, payload: r.payload, index: index++ }));
    call.on('end', () => call.end());
  },
  Slow(call, callback) {
    call.on('cancelled', () => callback({ code: grpc.status.CANCELLED, details: 'cancelled' }));
  },
  Fail(call, callback) {
    callback({ code: call.request.code, details: call.request.detail });
  },
  Secret(call, callback) {
    callback({ code: grpc.status.UNIMPLEMENTED, details: 'not served by the peer' });
  },
};

const server = new grpc.Server();
server.addService(service, handlers);
server.bindAsync(`127.0.0.1:${process.argv[2] || 0}`, grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) {
    console.error(error);
    process.exit(1);
  }
  console.log(`LISTENING ${port}`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
