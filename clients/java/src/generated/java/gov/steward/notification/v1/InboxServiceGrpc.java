package gov.steward.notification.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * The in-app inbox (站内信). Every caller sees only its own messages: a steward or liaison theirs,
 * an enterprise those of its credit code, a department system its department's, an admin the
 * administration's and the joint meeting's.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class InboxServiceGrpc {

  private InboxServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "steward.notification.v1.InboxService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<gov.steward.notification.v1.ListInboxRequest,
      gov.steward.notification.v1.ListInboxResponse> getListInboxMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListInbox",
      requestType = gov.steward.notification.v1.ListInboxRequest.class,
      responseType = gov.steward.notification.v1.ListInboxResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.notification.v1.ListInboxRequest,
      gov.steward.notification.v1.ListInboxResponse> getListInboxMethod() {
    io.grpc.MethodDescriptor<gov.steward.notification.v1.ListInboxRequest, gov.steward.notification.v1.ListInboxResponse> getListInboxMethod;
    if ((getListInboxMethod = InboxServiceGrpc.getListInboxMethod) == null) {
      synchronized (InboxServiceGrpc.class) {
        if ((getListInboxMethod = InboxServiceGrpc.getListInboxMethod) == null) {
          InboxServiceGrpc.getListInboxMethod = getListInboxMethod =
              io.grpc.MethodDescriptor.<gov.steward.notification.v1.ListInboxRequest, gov.steward.notification.v1.ListInboxResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListInbox"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.ListInboxRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.ListInboxResponse.getDefaultInstance()))
              .setSchemaDescriptor(new InboxServiceMethodDescriptorSupplier("ListInbox"))
              .build();
        }
      }
    }
    return getListInboxMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.notification.v1.CountUnreadRequest,
      gov.steward.notification.v1.CountUnreadResponse> getCountUnreadMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CountUnread",
      requestType = gov.steward.notification.v1.CountUnreadRequest.class,
      responseType = gov.steward.notification.v1.CountUnreadResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.notification.v1.CountUnreadRequest,
      gov.steward.notification.v1.CountUnreadResponse> getCountUnreadMethod() {
    io.grpc.MethodDescriptor<gov.steward.notification.v1.CountUnreadRequest, gov.steward.notification.v1.CountUnreadResponse> getCountUnreadMethod;
    if ((getCountUnreadMethod = InboxServiceGrpc.getCountUnreadMethod) == null) {
      synchronized (InboxServiceGrpc.class) {
        if ((getCountUnreadMethod = InboxServiceGrpc.getCountUnreadMethod) == null) {
          InboxServiceGrpc.getCountUnreadMethod = getCountUnreadMethod =
              io.grpc.MethodDescriptor.<gov.steward.notification.v1.CountUnreadRequest, gov.steward.notification.v1.CountUnreadResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CountUnread"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.CountUnreadRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.CountUnreadResponse.getDefaultInstance()))
              .setSchemaDescriptor(new InboxServiceMethodDescriptorSupplier("CountUnread"))
              .build();
        }
      }
    }
    return getCountUnreadMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.notification.v1.MarkReadRequest,
      gov.steward.notification.v1.MarkReadResponse> getMarkReadMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "MarkRead",
      requestType = gov.steward.notification.v1.MarkReadRequest.class,
      responseType = gov.steward.notification.v1.MarkReadResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.notification.v1.MarkReadRequest,
      gov.steward.notification.v1.MarkReadResponse> getMarkReadMethod() {
    io.grpc.MethodDescriptor<gov.steward.notification.v1.MarkReadRequest, gov.steward.notification.v1.MarkReadResponse> getMarkReadMethod;
    if ((getMarkReadMethod = InboxServiceGrpc.getMarkReadMethod) == null) {
      synchronized (InboxServiceGrpc.class) {
        if ((getMarkReadMethod = InboxServiceGrpc.getMarkReadMethod) == null) {
          InboxServiceGrpc.getMarkReadMethod = getMarkReadMethod =
              io.grpc.MethodDescriptor.<gov.steward.notification.v1.MarkReadRequest, gov.steward.notification.v1.MarkReadResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "MarkRead"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.MarkReadRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.MarkReadResponse.getDefaultInstance()))
              .setSchemaDescriptor(new InboxServiceMethodDescriptorSupplier("MarkRead"))
              .build();
        }
      }
    }
    return getMarkReadMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static InboxServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<InboxServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<InboxServiceStub>() {
        @java.lang.Override
        public InboxServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new InboxServiceStub(channel, callOptions);
        }
      };
    return InboxServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static InboxServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<InboxServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<InboxServiceBlockingV2Stub>() {
        @java.lang.Override
        public InboxServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new InboxServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return InboxServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static InboxServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<InboxServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<InboxServiceBlockingStub>() {
        @java.lang.Override
        public InboxServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new InboxServiceBlockingStub(channel, callOptions);
        }
      };
    return InboxServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static InboxServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<InboxServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<InboxServiceFutureStub>() {
        @java.lang.Override
        public InboxServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new InboxServiceFutureStub(channel, callOptions);
        }
      };
    return InboxServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * The in-app inbox (站内信). Every caller sees only its own messages: a steward or liaison theirs,
   * an enterprise those of its credit code, a department system its department's, an admin the
   * administration's and the joint meeting's.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * The caller's messages, newest first.
     * </pre>
     */
    default void listInbox(gov.steward.notification.v1.ListInboxRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.ListInboxResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListInboxMethod(), responseObserver);
    }

    /**
     */
    default void countUnread(gov.steward.notification.v1.CountUnreadRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.CountUnreadResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCountUnreadMethod(), responseObserver);
    }

    /**
     * <pre>
     * Marks the caller's messages read: those named, or all of them. Ids that are not the caller's
     * are NOT_FOUND, and nothing is marked.
     * </pre>
     */
    default void markRead(gov.steward.notification.v1.MarkReadRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.MarkReadResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getMarkReadMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service InboxService.
   * <pre>
   * The in-app inbox (站内信). Every caller sees only its own messages: a steward or liaison theirs,
   * an enterprise those of its credit code, a department system its department's, an admin the
   * administration's and the joint meeting's.
   * </pre>
   */
  public static abstract class InboxServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return InboxServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service InboxService.
   * <pre>
   * The in-app inbox (站内信). Every caller sees only its own messages: a steward or liaison theirs,
   * an enterprise those of its credit code, a department system its department's, an admin the
   * administration's and the joint meeting's.
   * </pre>
   */
  public static final class InboxServiceStub
      extends io.grpc.stub.AbstractAsyncStub<InboxServiceStub> {
    private InboxServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected InboxServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new InboxServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * The caller's messages, newest first.
     * </pre>
     */
    public void listInbox(gov.steward.notification.v1.ListInboxRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.ListInboxResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListInboxMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void countUnread(gov.steward.notification.v1.CountUnreadRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.CountUnreadResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCountUnreadMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Marks the caller's messages read: those named, or all of them. Ids that are not the caller's
     * are NOT_FOUND, and nothing is marked.
     * </pre>
     */
    public void markRead(gov.steward.notification.v1.MarkReadRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.MarkReadResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getMarkReadMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service InboxService.
   * <pre>
   * The in-app inbox (站内信). Every caller sees only its own messages: a steward or liaison theirs,
   * an enterprise those of its credit code, a department system its department's, an admin the
   * administration's and the joint meeting's.
   * </pre>
   */
  public static final class InboxServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<InboxServiceBlockingV2Stub> {
    private InboxServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected InboxServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new InboxServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * The caller's messages, newest first.
     * </pre>
     */
    public gov.steward.notification.v1.ListInboxResponse listInbox(gov.steward.notification.v1.ListInboxRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListInboxMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.notification.v1.CountUnreadResponse countUnread(gov.steward.notification.v1.CountUnreadRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCountUnreadMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Marks the caller's messages read: those named, or all of them. Ids that are not the caller's
     * are NOT_FOUND, and nothing is marked.
     * </pre>
     */
    public gov.steward.notification.v1.MarkReadResponse markRead(gov.steward.notification.v1.MarkReadRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getMarkReadMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service InboxService.
   * <pre>
   * The in-app inbox (站内信). Every caller sees only its own messages: a steward or liaison theirs,
   * an enterprise those of its credit code, a department system its department's, an admin the
   * administration's and the joint meeting's.
   * </pre>
   */
  public static final class InboxServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<InboxServiceBlockingStub> {
    private InboxServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected InboxServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new InboxServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * The caller's messages, newest first.
     * </pre>
     */
    public gov.steward.notification.v1.ListInboxResponse listInbox(gov.steward.notification.v1.ListInboxRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListInboxMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.notification.v1.CountUnreadResponse countUnread(gov.steward.notification.v1.CountUnreadRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCountUnreadMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Marks the caller's messages read: those named, or all of them. Ids that are not the caller's
     * are NOT_FOUND, and nothing is marked.
     * </pre>
     */
    public gov.steward.notification.v1.MarkReadResponse markRead(gov.steward.notification.v1.MarkReadRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getMarkReadMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service InboxService.
   * <pre>
   * The in-app inbox (站内信). Every caller sees only its own messages: a steward or liaison theirs,
   * an enterprise those of its credit code, a department system its department's, an admin the
   * administration's and the joint meeting's.
   * </pre>
   */
  public static final class InboxServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<InboxServiceFutureStub> {
    private InboxServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected InboxServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new InboxServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * The caller's messages, newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.notification.v1.ListInboxResponse> listInbox(
        gov.steward.notification.v1.ListInboxRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListInboxMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.notification.v1.CountUnreadResponse> countUnread(
        gov.steward.notification.v1.CountUnreadRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCountUnreadMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Marks the caller's messages read: those named, or all of them. Ids that are not the caller's
     * are NOT_FOUND, and nothing is marked.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.notification.v1.MarkReadResponse> markRead(
        gov.steward.notification.v1.MarkReadRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getMarkReadMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_LIST_INBOX = 0;
  private static final int METHODID_COUNT_UNREAD = 1;
  private static final int METHODID_MARK_READ = 2;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final AsyncService serviceImpl;
    private final int methodId;

    MethodHandlers(AsyncService serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_LIST_INBOX:
          serviceImpl.listInbox((gov.steward.notification.v1.ListInboxRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.notification.v1.ListInboxResponse>) responseObserver);
          break;
        case METHODID_COUNT_UNREAD:
          serviceImpl.countUnread((gov.steward.notification.v1.CountUnreadRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.notification.v1.CountUnreadResponse>) responseObserver);
          break;
        case METHODID_MARK_READ:
          serviceImpl.markRead((gov.steward.notification.v1.MarkReadRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.notification.v1.MarkReadResponse>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getListInboxMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.notification.v1.ListInboxRequest,
              gov.steward.notification.v1.ListInboxResponse>(
                service, METHODID_LIST_INBOX)))
        .addMethod(
          getCountUnreadMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.notification.v1.CountUnreadRequest,
              gov.steward.notification.v1.CountUnreadResponse>(
                service, METHODID_COUNT_UNREAD)))
        .addMethod(
          getMarkReadMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.notification.v1.MarkReadRequest,
              gov.steward.notification.v1.MarkReadResponse>(
                service, METHODID_MARK_READ)))
        .build();
  }

  private static abstract class InboxServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    InboxServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return gov.steward.notification.v1.InboxProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("InboxService");
    }
  }

  private static final class InboxServiceFileDescriptorSupplier
      extends InboxServiceBaseDescriptorSupplier {
    InboxServiceFileDescriptorSupplier() {}
  }

  private static final class InboxServiceMethodDescriptorSupplier
      extends InboxServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    InboxServiceMethodDescriptorSupplier(java.lang.String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (InboxServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new InboxServiceFileDescriptorSupplier())
              .addMethod(getListInboxMethod())
              .addMethod(getCountUnreadMethod())
              .addMethod(getMarkReadMethod())
              .build();
        }
      }
    }
    return result;
  }
}
