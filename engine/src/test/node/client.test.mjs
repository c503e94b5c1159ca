// node-zookeeper-client, a pure JavaScript ZooKeeper client, driven unmodified against the server
// named by ZK_CONNECT. NodeClientCompatTest runs this against Glasshouse and Apache ZooKeeper alike.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import zookeeper from 'node-zookeeper-client';

const connect = process.env.ZK_CONNECT;
assert.ok(connect, 'ZK_CONNECT must name the server, e.g. 127.0.0.1:2181');

function open() {
  return new Promise((resolve, reject) => {
    const client = zookeeper.createClient(connect, { sessionTimeout: 10000, retries: 0 });
    const timer = setTimeout(() => reject(new Error(`no session with ${connect} within 10 s`)), 10000);
    client.once('connected', () => { clearTimeout(timer); resolve(client); });
    client.connect();
  });
}

// Wraps a callback-style call; errors become rejections carrying ZooKeeper's error name.
function call(client, method, ...args) {
  return new Promise((resolve, reject) => {
    client[method](...args, (error, ...results) => (error ? reject(error) : resolve(results)));
  });
}

function errorName(promise) {
  return promise.then(() => 'OK', (error) => error.name);
}

let writer;
let watcher;

before(async () => {
  writer = await open();
  watcher = await open();
});

after(() => {
  writer.close();
  watcher.close();
});

test('creates, reads, updates and deletes with versions', async () => {
  const [path] = await call(writer, 'create', '/node-crud', Buffer.from('hello'), zookeeper.CreateMode.PERSISTENT);
  assert.equal(path, '/node-crud');
  const [data, stat] = await call(writer, 'getData', '/node-crud');
  assert.equal(data.toString(), 'hello');
  assert.equal(stat.version, 0);
  await call(writer, 'setData', '/node-crud', Buffer.from('world'), 0);
  assert.equal(await errorName(call(writer, 'setData', '/node-crud', Buffer.from('x'), 0)), 'BAD_VERSION');
  assert.equal(await errorName(call(writer, 'create', '/node-crud', null, zookeeper.CreateMode.PERSISTENT)),
    'NODE_EXISTS');
  await call(writer, 'remove', '/node-crud', 1);
  assert.equal(await errorName(call(writer, 'getData', '/node-crud')), 'NO_NODE');
});

test('names sequential ephemeral children from the parent counter', async () => {
  await call(writer, 'create', '/node-seq', null, zookeeper.CreateMode.PERSISTENT);
  const [first] = await call(writer, 'create', '/node-seq/m-', null, zookeeper.CreateMode.EPHEMERAL_SEQUENTIAL);
  const [second] = await call(writer, 'create', '/node-seq/m-', null, zookeeper.CreateMode.EPHEMERAL_SEQUENTIAL);
  assert.equal(first, '/node-seq/m-0000000000');
  assert.equal(second, '/node-seq/m-0000000001');
  const [children, stat] = await call(writer, 'getChildren', '/node-seq');
  assert.deepEqual([...children].sort(), ['m-0000000000', 'm-0000000001']);
  assert.equal(stat.numChildren, 2);
  const [, firstStat] = await call(writer, 'getData', first);
  assert.notEqual(firstStat.ephemeralOwner.toString('hex'), '0000000000000000');
});

test('fires a data watch before the write that caused it completes', async () => {
  await call(writer, 'create', '/node-watch', Buffer.from('1'), zookeeper.CreateMode.PERSISTENT);
  const order = [];
  const fired = new Promise((resolve) => {
    call(watcher, 'getData', '/node-watch', (event) => { order.push(`watch ${event.getName()}`); resolve(); });
  });
  await call(watcher, 'exists', '/node-watch');
  await call(watcher, 'setData', '/node-watch', Buffer.from('2'), -1).then(() => order.push('reply'));
  await fired;
  assert.deepEqual(order, ['watch NODE_DATA_CHANGED', 'reply']);
});

test('runs an atomic transaction and reports per-operation results', async () => {
  const [results] = await call(writer.transaction()
    .create('/node-tx', Buffer.from('a'))
    .create('/node-tx/child', Buffer.from('b'))
    .setData('/node-tx', Buffer.from('c'), 0)
    .check('/node-tx', 1), 'commit');
  assert.equal(results.length, 4);
  const failed = await errorName(call(writer.transaction()
    .create('/node-tx-2', null)
    .check('/node-tx', 99), 'commit'));
  assert.equal(failed, 'BAD_VERSION');
  assert.equal(await errorName(call(writer, 'exists', '/node-tx-2').then(([stat]) => {
    if (stat) throw Object.assign(new Error('created'), { name: 'CREATED' });
  })), 'OK');
});

test('sees the reserved /zookeeper node', async () => {
  const [children] = await call(writer, 'getChildren', '/zookeeper');
  assert.deepEqual([...children].sort(), ['config', 'quota']);
});
